package dev.hype.e2e.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The words of a {@code <!-- doc: ... -->} directive that tune an example or an output check.
 *
 * @param exit     the exit status the example must give (default 0)
 * @param registry whether the example needs the page's registry
 * @param checkout whether the example runs in the checkout instead of the page's project
 * @param stderr   whether an output check compares standard error instead of standard output
 * @param lines    whether an output check only needs each of the block's lines within an output line, in order
 * @param masks    patterns whose matches are replaced by one marker in both texts before comparing
 * @param project  how an output check shows the page's project directory (null: as it is)
 */
record DocOptions(int exit, boolean registry, boolean checkout, boolean stderr, boolean lines, List<Pattern> masks,
                  String project) {
    static final DocOptions DEFAULT = new DocOptions(0, false, false, false, false, List.of(), null);

    DocOptions {
        masks = List.copyOf(masks);
    }

    /** Parse {@code words}; an unknown word is an error naming it. */
    static DocOptions parse(List<String> words) {
        int exit = 0;
        boolean registry = false;
        boolean checkout = false;
        boolean stderr = false;
        boolean lines = false;
        List<Pattern> masks = new ArrayList<>();
        String project = null;
        for (String word : words) {
            if (word.equals("registry")) {
                registry = true;
            } else if (word.equals("checkout")) {
                checkout = true;
            } else if (word.equals("stderr")) {
                stderr = true;
            } else if (word.equals("lines")) {
                lines = true;
            } else if (word.startsWith("exit=")) {
                try {
                    exit = Integer.parseInt(word.substring(5));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("exit= needs a number, got '" + word + "'");
                }
            } else if (word.startsWith("project=")) {
                project = word.substring(8);
            } else if (word.startsWith("mask=")) {
                try {
                    masks.add(Pattern.compile(word.substring(5)));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException("mask= needs a regular expression: " + e.getDescription());
                }
            } else {
                throw new IllegalArgumentException("unknown word '" + word + "' (known: exit=N, registry, checkout, "
                        + "stderr, lines, mask=REGEX, project=PATH)");
            }
        }
        return new DocOptions(exit, registry, checkout, stderr, lines, masks, project);
    }
}
