package dev.hype.cli.commands;

import dev.hype.pm.ops.PackageSources;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.registry.Dist;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfigReader;
import dev.hype.pm.registry.RegistryPackageSource;
import dev.hype.pm.sign.TrustedKeys;
import dev.hype.pm.store.DistSource;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.TarballFetcher;
import dev.hype.runtime.HypeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Build what install and remove ask of a registry: versions and dependencies for the resolver,
 * tarball locations and integrities for the lockfile (each version checked against the
 * configuration's {@code trustedKeys}), and verified tarball downloads for the store.
 */
final class RegistryAccess {
    /** Code of a version the registry lists without a tarball location. */
    static final String NO_DIST = "E_NO_DIST";

    private RegistryAccess() {
    }

    /**
     * Return the package sources: the static index file when one is given ({@code file:} or relative
     * tarball paths), else the configured registry. Nothing touches the network until the resolver
     * or the store asks, so an install the lockfile and the store satisfy runs offline.
     */
    static PackageSources sources(Path indexFile, RegistryOptions registry, Path projectDirectory, boolean offline) {
        if (indexFile != null) {
            return PackageSources.index(indexFile.toAbsolutePath());
        }
        RegistryClient client = registry.client(projectDirectory, null, offline);
        TrustedKeys trusted = RegistryConfigReader.trustedKeys(projectDirectory, RegistryOptions.environment());
        RegistryPackageSource packages = new RegistryPackageSource(client);
        DistSource dists = (name, version) -> packages.packument(name)
                .flatMap(packument -> packument.dist(version.toString()).map(dist -> {
                    trusted.check(name, version.toString(), dist.integrity(), packument.version(version.toString())
                            .map(v -> v.path("dist").path("signatures")).orElse(null));
                    return new PackageRef(name, version, integrity(dist), URI.create(dist.tarball()));
                }))
                .orElseThrow(() -> new HypeException(NO_DIST, name + "@" + version + " has no tarball in the registry",
                        List.of("check that the registry serves " + name + " and its dist fields")));
        TarballFetcher fetcher = ref -> client.download(ref.name(), ref.version().toString(), dist(ref)).bytes();
        return new PackageSources(packages, dists, fetcher);
    }

    private static Integrity integrity(Dist dist) {
        return dist.integrity() != null ? Integrity.parse(dist.integrity()) : Integrity.parseShasum(dist.shasum());
    }

    private static Dist dist(PackageRef ref) {
        Integrity integrity = ref.integrity();
        return integrity.algorithm() == Integrity.Algorithm.SHA1
                ? new Dist(ref.tarball().toString(), null, integrity.hex())
                : new Dist(ref.tarball().toString(), integrity.sri(), null);
    }
}
