package dev.hype.pm.manifest;

import dev.hype.pm.rocks.RockName;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Check package names against npm's rules, including the {@code @scope/name} form.
 *
 * <p>A package name becomes a path ({@code hype_modules/NAME}, a store or registry folder), so every name is checked
 * here where it is read, from whatever source: the manifest, the lockfile, a registry's package document, a
 * tarball's {@code hype.json}, the command line. A valid name is one or two path segments, neither {@code .},
 * {@code ..} nor starting with a dot, of URL-safe characters only; or a LuaRocks rock, {@code rocks:NAME}
 * ({@link RockName}), one segment.
 */
public final class PackageName {
    /** Code of a package name that is not valid, from any source. */
    public static final String E_INVALID_NAME = "E_INVALID_PACKAGE_NAME";

    private static final Pattern SHAPE = Pattern.compile("^(?:@[a-z0-9-*~][a-z0-9-*._~]*/)?[a-z0-9-~][a-z0-9-._~]*$");
    private static final Set<String> RESERVED = Set.of("node_modules", "hype_modules", "favicon.ico");
    private static final int MAX_LENGTH = 214;

    private PackageName() {
    }

    /** Return why the name is not a valid package name (or {@code rocks:NAME} rock name), or empty if it is. */
    public static Optional<String> problem(String name) {
        if (isPlain(name)) {
            return Optional.empty();
        }
        if (RockName.isRock(name)) {
            return RockName.problem(name);
        }
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

    /**
     * Return whether the name is an unscoped one every rule accepts, read by hand: the commonest case, checked for
     * every dependency of every manifest, where the pattern costs more than the rest of reading it. Anything else
     * goes through the rules one by one.
     */
    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH || name.charAt(0) == '.' || name.charAt(0) == '_') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return !RESERVED.contains(name);
    }

    /**
     * Return {@code name} if it is valid, else throw {@link #E_INVALID_NAME} naming where it was read.
     *
     * @param source where the name comes from, as the message should show it: {@code hype-lock.json: packages},
     *     {@code the registry's document of a-lib@1.0.0: dependencies}, {@code the command line}
     */
    public static String require(String name, String source) {
        problem(name).ifPresent(p -> {
            throw new dev.hype.runtime.HypeException(E_INVALID_NAME, source + ": invalid package name \""
                    + dev.hype.runtime.TerminalText.escape(name) + "\": " + p,
                    java.util.List.of("a package name is lower case, URL-safe, at most " + MAX_LENGTH
                            + " characters, optionally @scope/name; it may not start with '.' or '_'"));
        });
        return name;
    }

    /** Return whether the name is valid. */
    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }
}
