package dev.hype.registry.storage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hold a valid npm package name, optionally scoped: {@code my-pkg} or {@code @team/my-pkg}.
 *
 * <p>Validation follows npm's rules for new packages (lowercase, URL-safe characters, at most
 * 214 characters, no leading dot or underscore), which also makes every name a safe relative
 * path under the storage directory.
 *
 * @param scope the scope without {@code @}, or {@code null}
 * @param bare the name without its scope
 */
public record PackageName(String scope, String bare) {

    private static final Pattern PART = Pattern.compile("[a-z0-9~-][a-z0-9._~-]*");
    private static final Set<String> RESERVED = Set.of("node_modules", "favicon.ico", "hype_modules", "-");
    private static final int MAX_LENGTH = 214;

    /**
     * Parse and validate {@code name}.
     *
     * @throws StorageException with code {@code E_INVALID_PACKAGE_NAME} naming the problem
     */
    public static PackageName parse(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid(String.valueOf(name), "it is empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid(name, "it is longer than " + MAX_LENGTH + " characters");
        }
        String scope = null;
        String bare = name;
        if (name.startsWith("@")) {
            int slash = name.indexOf('/');
            if (slash < 0) {
                throw invalid(name, "a scoped name looks like @scope/name");
            }
            scope = name.substring(1, slash);
            bare = name.substring(slash + 1);
            if (!PART.matcher(scope).matches()) {
                throw invalid(name, "the scope must be lowercase letters, digits, '-', '.', '_' or '~'");
            }
        }
        if (!PART.matcher(bare).matches()) {
            throw invalid(name, "names are lowercase letters, digits, '-', '.', '_' or '~', not starting with '.' or '_'");
        }
        if (RESERVED.contains(bare.toLowerCase(Locale.ROOT))) {
            throw invalid(name, "'" + bare + "' is reserved");
        }
        return new PackageName(scope, bare);
    }

    /** Tell whether this name has a scope. */
    public boolean scoped() {
        return scope != null;
    }

    /** Return the tarball file name of {@code version}: {@code <bare>-<version>.tgz}, as npm names it. */
    public String tarballFileName(String version) {
        return bare + "-" + version + ".tgz";
    }

    /** Return the full name, e.g. {@code @team/my-pkg}. */
    @Override
    public String toString() {
        return scope == null ? bare : "@" + scope + "/" + bare;
    }

    private static StorageException invalid(String name, String problem) {
        return new StorageException(StorageException.E_INVALID_NAME,
            "invalid package name '" + name + "': " + problem, List.of(), null);
    }
}
