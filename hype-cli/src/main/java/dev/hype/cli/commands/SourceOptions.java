package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.ops.PackageSources;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose where packages come from: a static index file, else the configured registry. */
final class SourceOptions {
    private static final String INDEX = "Read available packages from a static JSON index whose versions carry "
            + "dist.tarball and dist.integrity, instead of the registry.";

    @Option(names = "--index", paramLabel = "FILE", converter = PathArguments.InputFile.class, description = INDEX)
    private Path index;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private RocksOptions rocks;

    /** Add {@code --index}, {@code --registry} and {@code --rocks-server} to a model built in code ({@link CommandModels}). */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.option(Path.class, () -> index, value -> index = value, "--index")
                .paramLabel("FILE").converters(new PathArguments.InputFile()).description(INDEX).build());
        registry = new RegistryOptions();
        registry.addTo(spec);
        rocks = new RocksOptions();
        rocks.addTo(spec);
    }

    /** Return a client of the configured registry for the project in {@code project}; offline, it reads the cache. */
    dev.hype.pm.registry.RegistryClient client(Path project, boolean offline) {
        return registry.client(project, null, offline);
    }

    /** Return the LuaRocks servers for the project in {@code project}; offline, they answer from the cache. */
    dev.hype.pm.rocks.server.RockRepository rocks(Path project, boolean offline) {
        return rocks.repository(project, offline);
    }

    /** Return the package sources for the project in {@code project}: packages and LuaRocks rocks. */
    PackageSources sources(Path project) {
        return sources(project, false);
    }

    /**
     * Return what builds the package sources for the project in {@code project} when an install first needs them:
     * an install that finds its tree as it should be reads no registry configuration and builds no client. The
     * command line's URLs are checked now, so a wrong one fails every install as before.
     */
    Supplier<PackageSources> lazySources(Path project, boolean offline) {
        registry.checkUrl();
        rocks.checkUrls();
        return () -> sources(project, offline);
    }

    /** Return the package sources for the project in {@code project}; offline ones never touch the network. */
    PackageSources sources(Path project, boolean offline) {
        return RegistryAccess.sources(index, registry, project, offline).withRocks(rocks.repository(project, offline),
                RocksOptions.preparer());
    }
}
