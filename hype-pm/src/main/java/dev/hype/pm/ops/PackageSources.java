package dev.hype.pm.ops;

import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.store.DistSource;
import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.pm.store.IndexDistSource;
import dev.hype.pm.store.TarballFetcher;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Bundle what an install asks of a registry: versions and dependencies, tarball locations, and the tarballs.
 *
 * <p>The registry client provides all three; {@link #index(Path)} builds them from a static index file whose
 * versions carry {@code dist.tarball} and {@code dist.integrity}.
 *
 * @param packages the versions and dependencies of packages, for the resolver
 * @param dists where each version's tarball is and its integrity
 * @param fetcher what downloads tarballs
 */
public record PackageSources(PackageSource packages, DistSource dists, TarballFetcher fetcher) {
    /** Check that every part is present. */
    public PackageSources {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(dists, "dists");
        Objects.requireNonNull(fetcher, "fetcher");
    }

    /** Read packages and tarball locations from a static index file; fetch {@code file:} tarballs. */
    public static PackageSources index(Path indexFile) {
        return new PackageSources(IndexPackageSource.load(indexFile), IndexDistSource.load(indexFile),
                new FileTarballFetcher());
    }
}
