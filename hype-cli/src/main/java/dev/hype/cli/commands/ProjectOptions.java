package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Choose the project a package command installs into and the store it installs from. */
final class ProjectOptions {
    @Mixin
    private ProjectLocation location;

    @Option(names = "--store-dir", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class,
            description = "Use the package store in DIR (default: $HYPE_HOME/store, else ~/.hype/store).")
    private Path storeDir;

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
