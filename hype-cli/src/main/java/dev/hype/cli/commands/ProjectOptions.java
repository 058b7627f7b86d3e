package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose the project a package command installs into and the store it installs from. */
final class ProjectOptions {
    @Mixin
    private ProjectLocation location;

    private static final String STORE_DESCRIPTION =
            "Use the package store in DIR (default: $HYPE_HOME/store, else ~/.hype/store).";

    @Option(names = "--store-dir", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class,
            description = STORE_DESCRIPTION)
    private Path storeDir;

    /** Add {@code -C, --dir} and {@code --store-dir} to a model built in code ({@link CommandModels}), as the annotations say. */
    void addTo(CommandSpec spec) {
        location = new ProjectLocation();
        location.addTo(spec);
        spec.addOption(CommandModels.option(Path.class, () -> storeDir, value -> storeDir = value, "--store-dir")
                .paramLabel("DIR").converters(new PathArguments.OutputDirectory())
                .description(STORE_DESCRIPTION)
                .build());
    }

    /** Return the project's root: the nearest directory from the start directory up holding {@code hype.json}. */
    Path project() {
        return location.project();
    }

    /** Return the directory the command starts in. */
    Path start() {
        return location.start();
    }

    /** Return the package store directory. */
    Path store() {
        return HypeHome.store(storeDir);
    }
}
