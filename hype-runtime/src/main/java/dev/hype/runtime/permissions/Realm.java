package dev.hype.runtime.permissions;

import java.nio.file.Path;

/**
 * Name one realm of code: a package under {@code hype_modules/} (its files share one set of
 * globals and one {@link Access}), or the project.
 *
 * @param id a key unique per realm (the package's directory, or {@code "project"})
 * @param packageName the package's name, or null for the project
 * @param root the package's directory, or null for the project
 * @param access what its code may do
 */
public record Realm(String id, String packageName, Path root, Access access) {
    /** Return whether the realm's code runs with checks. */
    public boolean restricted() {
        return !access.unrestricted();
    }
}
