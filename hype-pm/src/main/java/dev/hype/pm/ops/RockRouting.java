package dev.hype.pm.ops;

import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.build.RockPreparer;
import dev.hype.pm.rocks.server.RockDists;
import dev.hype.pm.rocks.server.RockFetcher;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.rocks.server.RockSource;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Optional;

/**
 * Send every {@code rocks:NAME} package to the LuaRocks servers (versions, dependencies, archives, builds) and every
 * other package to the sources it is added to.
 */
final class RockRouting {
    private RockRouting() {
    }

    static PackageSources route(PackageSources base, RockRepository repository, RockPreparer preparer) {
        RockSource rocks = new RockSource(repository);
        RockDists dists = new RockDists(repository);
        RockFetcher fetcher = new RockFetcher(repository);
        PackageSource packages = new PackageSource() {
            @Override
            public Optional<List<Version>> versions(String name) {
                return RockName.isRock(name) ? rocks.versions(name) : base.packages().versions(name);
            }

            @Override
            public Dependencies dependencies(String name, Version version) {
                return RockName.isRock(name) ? rocks.dependencies(name, version)
                        : base.packages().dependencies(name, version);
            }

            @Override
            public void prefetch(java.util.Collection<String> names) {
                base.packages().prefetch(names.stream().filter(name -> !RockName.isRock(name)).toList());
            }

            @Override
            public java.util.Map<String, String> distTags(String name) {
                // Rocks have no dist-tags; a package's come from its registry.
                return RockName.isRock(name) ? java.util.Map.of() : base.packages().distTags(name);
            }
        };
        return new PackageSources(packages,
                (name, version) -> RockName.isRock(name) ? dists.locate(name, version)
                        : base.dists().locate(name, version),
                ref -> RockName.isRock(ref.name()) ? fetcher.fetch(ref) : base.fetcher().fetch(ref),
                (store, ref, fetch, fullCheck) -> RockName.isRock(ref.name())
                        ? preparer.prepare(store, ref, fetch, fullCheck)
                        : base.preparer().prepare(store, ref, fetch, fullCheck));
    }
}
