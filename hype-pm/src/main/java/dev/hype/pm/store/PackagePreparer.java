package dev.hype.pm.store;

import java.nio.file.Path;

/**
 * Turn a package to install into its folder in the store, ready to link into {@code hype_modules/}: for a package
 * tarball, the tarball unpacked ({@link #UNPACK}); for a LuaRocks rock, the rock built for this platform.
 */
@FunctionalInterface
public interface PackagePreparer {
    /** Unpack the tarball into the store, fetching it when the store lacks it. */
    PackagePreparer UNPACK = Store::ensure;

    /**
     * Return the package's folder in the store (the entry under {@link PackageRef#entryKey()}), fetching with
     * {@code fetcher} only what the store lacks or has damaged.
     *
     * @param fullCheck whether to hash every file of existing entries rather than trust untouched stamps
     * @throws StoreException when it cannot be fetched or stored
     */
    Path prepare(Store store, PackageRef ref, TarballFetcher fetcher, boolean fullCheck);
}
