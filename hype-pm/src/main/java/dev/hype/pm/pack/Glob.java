package dev.hype.pm.pack;

import java.util.regex.Pattern;

/**
 * Translate one gitignore-style glob into a regular expression over {@code /}-separated paths:
 * {@code *} and {@code ?} stay within one segment, {@code **} crosses segments, and
 * {@code [...]} is a character class.
 */
final class Glob {

    private Glob() {
    }

    /** Compile {@code glob} into a pattern that must match a whole relative path. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (slashAfter) {
                        regex.append("(?:.*/)?");
                        i += 3;
                    } else {
                        regex.append(".*");
                        i += 2;
                    }
                } else {
                    regex.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    regex.append("\\[");
                    i++;
                } else {
                    regex.append(characterClass(glob.substring(i + 1, end)));
                    i = end + 1;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i += 2;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static String characterClass(String body) {
        StringBuilder out = new StringBuilder("[");
        int start = 0;
        if (body.startsWith("!") || body.startsWith("^")) {
            out.append('^');
            start = 1;
        }
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' || c == '[' || c == '&' || c == '^') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(']').toString();
    }
}
