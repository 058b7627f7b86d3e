package dev.hype.runtime.testing;

import java.util.regex.Pattern;

/**
 * Match {@code /}-separated relative paths against a glob: {@code *} within one segment,
 * {@code **} across segments ({@code **}{@code /} also matches no directory at all), {@code ?} one
 * character, {@code {a,b}} alternatives.
 */
record Glob(String glob, Pattern regex) {

    static Glob of(String glob) {
        return new Glob(glob, Pattern.compile(toRegex(glob)));
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> {
                    if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
                        out.append(slash ? "(?:.*/)?" : ".*");
                        i += slash ? 2 : 1;
                    } else {
                        out.append("[^/]*");
                    }
                }
                case '?' -> out.append("[^/]");
                case '{' -> {
                    out.append("(?:");
                    depth++;
                }
                case '}' -> {
                    out.append(depth > 0 ? ")" : "\\}");
                    depth = Math.max(0, depth - 1);
                }
                case ',' -> out.append(depth > 0 ? "|" : ",");
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return out.toString();
    }
}
