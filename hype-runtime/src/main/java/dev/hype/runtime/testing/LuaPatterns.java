package dev.hype.runtime.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Check Lua patterns (for {@code --filter}) before any test file runs. Lua reports a malformed
 * pattern only when matching reaches the bad part, so the check walks the pattern itself, with
 * Lua's own messages (lstrlib.c).
 */
public final class LuaPatterns {
    private LuaPatterns() {
    }

    /** Return what is wrong with {@code pattern}, worded as Lua words it, or empty when it is valid. */
    public static Optional<String> problem(String pattern) {
        List<Boolean> open = new ArrayList<>(); // per capture, whether it is still open
        int i = pattern.startsWith("^") ? 1 : 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            switch (c) {
                case '(' -> {
                    open.add(true);
                    i++;
                }
                case ')' -> {
                    int last = open.lastIndexOf(true);
                    if (last < 0) {
                        return Optional.of("invalid pattern capture");
                    }
                    open.set(last, false);
                    i++;
                }
                case '%' -> {
                    if (i + 1 >= pattern.length()) {
                        return Optional.of("malformed pattern (ends with '%')");
                    }
                    char next = pattern.charAt(i + 1);
                    if (next == 'b') {
                        if (i + 3 >= pattern.length()) {
                            return Optional.of("malformed pattern (missing arguments to '%b')");
                        }
                        i += 4;
                    } else if (next == 'f') {
                        if (i + 2 >= pattern.length() || pattern.charAt(i + 2) != '[') {
                            return Optional.of("missing '[' after '%f' in pattern");
                        }
                        int end = setEnd(pattern, i + 2);
                        if (end < 0) {
                            return Optional.of("malformed pattern (missing ']')");
                        }
                        i = end + 1;
                    } else if (next >= '0' && next <= '9') {
                        int index = next - '1';
                        if (index < 0 || index >= open.size() || open.get(index)) {
                            return Optional.of("invalid capture index %" + (index + 1) + " in pattern");
                        }
                        i += 2;
                    } else {
                        i += 2;
                    }
                }
                case '[' -> {
                    int end = setEnd(pattern, i);
                    if (end < 0) {
                        return Optional.of("malformed pattern (missing ']')");
                    }
                    i = end + 1;
                }
                default -> i++;
            }
        }
        return open.contains(true) ? Optional.of("unfinished capture") : Optional.empty();
    }

    /** Return the index of the {@code ]} closing the set that opens at {@code start}, or -1. */
    private static int setEnd(String pattern, int start) {
        int i = start + 1;
        if (i < pattern.length() && pattern.charAt(i) == '^') {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a leading ']' is a member of the set
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '%') {
                i += 2;
            } else if (c == ']') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }
}
