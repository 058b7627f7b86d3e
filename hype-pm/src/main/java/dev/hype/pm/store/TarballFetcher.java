package dev.hype.pm.store;

import java.util.List;

/**
 * Download package tarballs. The registry client implements this for {@code http(s):} URLs.
 *
 * <p>Implementations must be safe to call from several threads at once.
 */
@FunctionalInterface
public interface TarballFetcher {
    /** A fetcher for offline installs: every fetch fails with {@link StoreException#E_OFFLINE}. */
    TarballFetcher OFFLINE = ref -> {
        throw new StoreException(StoreException.E_OFFLINE, ref.label() + " is not in the store and the install is offline",
                List.of("run the install once without --offline to fill the store"), null);
    };

    /**
     * Return the tarball bytes of {@code ref}, checked against {@code ref.integrity()}.
     *
     * @throws StoreException when it cannot be fetched; a {@code PackException} (E_INTEGRITY) when the bytes do not
     *     match
     */
    byte[] fetch(PackageRef ref);
}
