package dev.hype.pm.manifest;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Check package names against npm's rules, including the {@code @scope/name} form. */
public final class PackageName {
    private static final Pattern SHAPE = Pattern.compile("^(?:@[a-z0-9-*~][a-z0-9-*._~]*/)?[a-z0-9-~][a-z0-9-._~]*$");
    private static final Set<String> RESERVED = Set.of("node_modules", "hype_modules", "favicon.ico");
    private static final int MAX_LENGTH = 214;

    private PackageName() {
    }

    /** Return why the name is not a valid package name, or empty if it is. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("a package name must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("a package name must be at most " + MAX_LENGTH + " characters");
        }
        if (!name.equals(name.strip())) {
            return Optional.of("a package name must not start or end with spaces");
        }
        if (!name.toLowerCase(Locale.ROOT).equals(name)) {
            return Optional.of("a package name must be lower case");
        }
        if (name.startsWith(".") || name.startsWith("_")) {
            return Optional.of("a package name must not start with \".\" or \"_\"");
        }
        if (RESERVED.contains(name)) {
            return Optional.of("\"" + name + "\" is a reserved name");
        }
        if (!SHAPE.matcher(name).matches()) {
            return Optional.of("a package name may hold only URL-safe characters (a-z, 0-9, \"-\", \".\", \"_\", \"~\"),"
                    + " optionally as @scope/name");
        }
        return Optional.empty();
    }

    /** Return whether the name is valid. */
    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
