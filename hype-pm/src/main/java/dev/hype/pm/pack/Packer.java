package dev.hype.pm.pack;

import java.nio.file.Path;

/**
 * Make a package tarball from a project directory.
 *
 * <p>The tarball is npm-compatible: gzip'd tar, every entry under {@code package/}, sorted, with
 * modes 0644 (files) or 0755 (directories and executables), uid and gid 0, no user or group
 * names, and the timestamp 1985-10-26T08:15:00Z, so the same sources always give the same bytes.
 * Which files go in is described in {@code docs/registry.md}.
 */
public interface Packer {

    /**
     * Pack {@code projectDirectory}, which must hold a {@code hype.json} with a {@code name} and
     * a {@code version}.
     *
     * @throws PackException with code {@code E_PACK} when the manifest is missing or invalid or a
     *     file cannot be read; whatever the {@link SourceChecker} throws for a bad source file
     */
    PackResult pack(Path projectDirectory);

    /** Return a packer that runs {@code checker} on every {@code .lua} file it packs. */
    static Packer create(SourceChecker checker) {
        return new DirectoryPacker(checker);
    }
}
