package dev.hype.pm.store;

import dev.hype.pm.semver.Version;

/** Tell where the tarball of a package version is and what its integrity must be. */
@FunctionalInterface
public interface DistSource {
    /**
     * Return the tarball reference of a version the package source listed.
     *
     * @throws StoreException with {@link StoreException#E_NO_DIST} when none is known
     */
    PackageRef locate(String name, Version version);
}
