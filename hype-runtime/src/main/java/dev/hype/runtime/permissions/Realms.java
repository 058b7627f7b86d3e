package dev.hype.runtime.permissions;

import dev.hype.runtime.HypeHome;
import java.nio.file.Path;

/**
 * Decide which realm a module file belongs to. Files of a package under {@code hype_modules/}
 * belong to that package; a {@code hype_modules/} nested inside a package is part of that package.
 * A package in the project root's {@code hype_modules/} gets the permissions approved for it in the
 * project root's {@code hype-lock.json} (none when no approval is recorded); a package found
 * anywhere else (above the project root, or in another {@code hype_modules/} below it) gets none.
 * Every other file belongs to the project, unrestricted unless the program runs with
 * {@code --sandbox}. No write grant of any realm covers the {@link ProtectedPaths protected paths}.
 */
public interface Realms {
    /** Return the realm of the canonical module file {@code file}. */
    Realm realmOf(Path file);

    /** Return the project's realm. */
    Realm project();

    /** Return the project root (see {@link ProjectRoot}), canonical. */
    Path projectRoot();

    /**
     * Return realms where packages are restricted and the project is not, for the project found
     * from the working directory, with the default Hype home.
     */
    static Realms packages() {
        return packages(ProjectRoot.find(Path.of(System.getProperty("user.dir"))), HypeHome.directory());
    }

    /** Return realms where packages are restricted and the project (rooted at {@code projectRoot}) is not. */
    static Realms packages(Path projectRoot, Path hypeHome) {
        return new PackageRealms(Access.UNRESTRICTED, Anchors.of(projectRoot), projectRoot, ProtectedPaths.of(hypeHome));
    }

    /**
     * Return realms where the project is restricted too, to {@code projectSpec} with relative
     * patterns starting at {@code projectRoot}.
     */
    static Realms sandboxed(PermissionSpec projectSpec, Path projectRoot) {
        return sandboxed(projectSpec, projectRoot, HypeHome.directory());
    }

    /** Return sandboxed realms (see {@link #sandboxed(PermissionSpec, Path)}) protecting {@code hypeHome} too. */
    static Realms sandboxed(PermissionSpec projectSpec, Path projectRoot, Path hypeHome) {
        Anchors anchors = Anchors.of(projectRoot);
        ProtectedPaths protectedPaths = ProtectedPaths.of(hypeHome);
        return new PackageRealms(new GrantedAccess(null, projectSpec, anchors, protectedPaths, null), anchors,
                projectRoot, protectedPaths);
    }
}
