package dev.hype.pm.manifest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Check the entries of a {@code permissions} object one by one: each method returns what is wrong with an entry, or
 * empty when it is fine. The runtime reads the same entries; these checks refuse what it would read differently
 * from what the author meant.
 */
final class PermissionPatterns {
    private static final String ANCHOR_HINT = "(anchor the path at $CWD, $HOME or $TMP)";
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?");
    private static final Pattern CLASS_PATTERN = Pattern.compile("[A-Za-z0-9_$.*]+");

    private PermissionPatterns() {
    }

    /** Check a {@code filesystem.read} or {@code filesystem.write} glob. */
    static Optional<String> path(String pattern) {
        if (pattern.isEmpty()) {
            return Optional.of("expected a non-empty path");
        }
        if (pattern.startsWith("/") || pattern.startsWith("\\") || pattern.matches("[A-Za-z]:.*")) {
            return Optional.of("an absolute path is not allowed " + ANCHOR_HINT);
        }
        if (pattern.startsWith("~")) {
            return Optional.of("'~' is not expanded " + ANCHOR_HINT);
        }
        if (pattern.startsWith("$")) {
            int end = pattern.indexOf('/');
            String anchor = end < 0 ? pattern : pattern.substring(0, end);
            if (!anchor.equals("$CWD") && !anchor.equals("$HOME") && !anchor.equals("$TMP")) {
                return Optional.of("'" + anchor + "' is not an anchor (use $CWD, $HOME or $TMP)");
            }
        }
        for (String segment : pattern.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return Optional.of("'..' is not allowed " + ANCHOR_HINT);
            }
        }
        return Optional.empty();
    }

    /** Check a {@code network.domains} entry: a host name, {@code *.} and a host name, or {@code *}. */
    static Optional<String> domain(String domain) {
        if (domain.equals("*")) {
            return Optional.empty();
        }
        if (domain.isEmpty()) {
            return Optional.of("expected a non-empty host name");
        }
        if (domain.contains("://")) {
            return Optional.of("'" + domain + "' has a scheme (write the host name only, such as example.com)");
        }
        if (domain.contains("/")) {
            return Optional.of("'" + domain + "' has a path (write the host name only, such as example.com)");
        }
        if (domain.contains(":")) {
            return Optional.of("'" + domain + "' has a port (list ports in permissions.network.ports)");
        }
        String host = domain.startsWith("*.") ? domain.substring(2) : domain;
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("'" + domain + "' is not a host name or a wildcard such as *.example.com");
            }
        }
        return Optional.empty();
    }

    /** Check an {@code env} entry: a variable name, or a prefix ending in {@code *}. */
    static Optional<String> env(String name) {
        if (name.isEmpty()) {
            return Optional.of("expected a non-empty variable name");
        }
        int star = name.indexOf('*');
        if (star >= 0 && star != name.length() - 1) {
            return Optional.of("'" + name + "': '*' may only end a name (to match a prefix)");
        }
        return Optional.empty();
    }

    /** Check a {@code java} entry: a class name or a pattern such as {@code java.util.*}. */
    static Optional<String> javaClass(String pattern) {
        if (pattern.isEmpty()) {
            return Optional.of("expected a non-empty class-name pattern such as \"java.util.*\"");
        }
        if (!CLASS_PATTERN.matcher(pattern).matches()) {
            return Optional.of("'" + pattern + "' is not a class-name pattern (letters, digits, '_', '$', '.' and '*')");
        }
        return Optional.empty();
    }
}
