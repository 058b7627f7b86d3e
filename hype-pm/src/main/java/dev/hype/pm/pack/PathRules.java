package dev.hype.pm.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hold an ordered list of gitignore-style rules and tell which rule, if any, decides a path.
 *
 * <p>Used for {@code .gitignore}/{@code .hypeignore} (a match means "leave out") and for the
 * manifest's {@code files} list (a match means "take"). Blank lines and {@code #} comments are
 * skipped; {@code !} negates; a trailing {@code /} matches directories only. In ignore files a
 * pattern with a {@code /} before its end is anchored at the project root and one without
 * matches a name at any depth; {@code files} patterns are always anchored, as npm reads them.
 */
final class PathRules {

    private record Rule(Pattern pattern, boolean negated, boolean directoryOnly, boolean anchored) {
        boolean matches(String path, boolean directory) {
            if (directoryOnly && !directory) {
                return false;
            }
            String subject = anchored ? path : path.substring(path.lastIndexOf('/') + 1);
            return pattern.matcher(subject).matches();
        }
    }

    private final List<Rule> rules;

    private PathRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parse rules, one per element, in gitignore syntax. */
    static PathRules parse(List<String> lines) {
        return parse(lines, false);
    }

    /**
     * Parse rules that are all anchored at the root, as npm reads the {@code files} list:
     * {@code lib} means {@code ./lib}, not any {@code lib} below.
     */
    static PathRules parseAnchored(List<String> lines) {
        return parse(lines, true);
    }

    private static PathRules parse(List<String> lines, boolean anchorAll) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : lines) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negated = line.startsWith("!");
            if (negated) {
                line = line.substring(1);
            }
            if (line.startsWith("./")) {
                line = line.substring(2);
            }
            boolean directoryOnly = line.endsWith("/");
            if (directoryOnly) {
                line = line.substring(0, line.length() - 1);
            }
            boolean anchored = anchorAll || line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                continue;
            }
            rules.add(new Rule(Glob.compile(line), negated, directoryOnly, anchored));
        }
        return new PathRules(rules);
    }

    /** Return an empty rule list. */
    static PathRules none() {
        return new PathRules(List.of());
    }

    /**
     * Return the verdict of the last rule matching {@code path}: {@code true} for a plain rule,
     * {@code false} for a negated one, empty when none matches.
     */
    Optional<Boolean> verdict(String path, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.matches(path, directory)) {
                return Optional.of(!rule.negated());
            }
        }
        return Optional.empty();
    }

    /**
     * Return the verdict of the last rule matching {@code filePath} or one of its parent
     * directories, as npm reads the {@code files} list: naming a directory takes all of it.
     */
    Optional<Boolean> verdictWithParents(String filePath) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule rule = rules.get(i);
            if (rule.matches(filePath, false) || matchesAParent(rule, filePath)) {
                return Optional.of(!rule.negated());
            }
        }
        return Optional.empty();
    }

    private static boolean matchesAParent(Rule rule, String filePath) {
        for (int slash = filePath.indexOf('/'); slash >= 0; slash = filePath.indexOf('/', slash + 1)) {
            if (rule.matches(filePath.substring(0, slash), true)) {
                return true;
            }
        }
        return false;
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }
}
