package dev.hype.runtime.permissions;

import java.nio.file.Path;

/**
 * Decide which realm a module file belongs to. Files of a package under {@code hype_modules/}
 * belong to that package, which gets the permissions approved for it in the {@code hype-lock.json}
 * next to that {@code hype_modules/} (none when no approval is recorded); a {@code hype_modules/}
 * nested inside a package is part of that package. Every other file belongs to the project,
 * unrestricted unless the program runs with {@code --sandbox}.
 */
public interface Realms {
    /** Return the realm of the canonical module file {@code file}. */
    Realm realmOf(Path file);

    /** Return the project's realm. */
    Realm project();

    /** Return realms where packages are restricted and the project is not. */
    static Realms packages() {
        return new PackageRealms(Access.UNRESTRICTED, Anchors.of(Path.of(System.getProperty("user.dir"))));
    }

    /**
     * Return realms where the project is restricted too, to {@code projectSpec} with relative
     * patterns starting at {@code projectRoot}.
     */
    static Realms sandboxed(PermissionSpec projectSpec, Path projectRoot) {
        Anchors anchors = Anchors.of(projectRoot);
        return new PackageRealms(Access.of(null, projectSpec, anchors), anchors);
    }
}
