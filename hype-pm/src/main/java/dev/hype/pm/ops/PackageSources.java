package dev.hype.pm.ops;

import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.build.RockPreparer;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.store.DistSource;
import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.pm.store.IndexDistSource;
import dev.hype.pm.store.PackagePreparer;
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
 * @param preparer what turns a fetched package into its folder in the store (unpacking, or building a rock)
 */
public record PackageSources(PackageSource packages, DistSource dists, TarballFetcher fetcher,
                             PackagePreparer preparer) {
    /** Check that every part is present. */
    public PackageSources {
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(dists, "dists");
        Objects.requireNonNull(fetcher, "fetcher");
        Objects.requireNonNull(preparer, "preparer");
    }

    /** Bundle sources whose packages are tarballs, unpacked into the store. */
    public PackageSources(PackageSource packages, DistSource dists, TarballFetcher fetcher) {
        this(packages, dists, fetcher, PackagePreparer.UNPACK);
    }

    /**
     * Return these sources with LuaRocks added: {@code rocks:NAME} packages come from {@code repository}'s servers
     * and are built into the store by {@code preparer}; the others as before.
     */
    public PackageSources withRocks(RockRepository repository, RockPreparer preparer) {
        return RockRouting.route(this, repository, preparer);
    }

    /** Read packages and tarball locations from a static index file; fetch {@code file:} tarballs. */
    public static PackageSources index(Path indexFile) {
        return new PackageSources(IndexPackageSource.load(indexFile), IndexDistSource.load(indexFile),
                new FileTarballFetcher());
    }
}
