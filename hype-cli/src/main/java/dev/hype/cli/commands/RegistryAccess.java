package dev.hype.cli.commands;

import dev.hype.pm.ops.PackageSources;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.store.DistSource;
import dev.hype.pm.store.StoreException;
import dev.hype.pm.store.TarballFetcher;
import dev.hype.runtime.HypeException;
import java.nio.file.Path;
import java.util.List;

/**
 * Build what install and remove ask of a registry. This is the one place the registry client plugs in: replace
 * {@link #sources(Path)} to build the {@link PackageSources} from the client (its {@code PackageSource}, tarball
 * locations from the packuments, and its HTTP {@code TarballFetcher}).
 */
final class RegistryAccess {
    /** Code of a command that needs packages but has no source of them. */
    static final String NO_REGISTRY = "E_NO_REGISTRY";

    private RegistryAccess() {
    }

    /**
     * Return the package sources: the static index file when one is given ({@code file:} or relative tarball
     * paths), else sources that fail when asked, so that an install the lockfile and the store satisfy still runs.
     */
    static PackageSources sources(Path indexFile) {
        if (indexFile != null) {
            return PackageSources.index(indexFile.toAbsolutePath());
        }
        PackageSource packages = new PackageSource() {
            @Override
            public java.util.Optional<List<dev.hype.pm.semver.Version>> versions(String name) {
                throw missing();
            }

            @Override
            public dev.hype.pm.resolve.Dependencies dependencies(String name, dev.hype.pm.semver.Version version) {
                throw missing();
            }
        };
        DistSource dists = (name, version) -> {
            throw missing();
        };
        TarballFetcher fetcher = ref -> {
            throw new StoreException(StoreException.E_FETCH, "cannot fetch " + ref.label() + ": no package source",
                    List.of("pass --index FILE"), null);
        };
        return new PackageSources(packages, dists, fetcher);
    }

    private static HypeException missing() {
        return new HypeException(NO_REGISTRY, "the lockfile does not cover hype.json and no package source is set",
                List.of("pass --index FILE with the available packages"));
    }
}
