package dev.hype.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Choose the project a package command works on and the store it installs from. */
final class ProjectOptions {
    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "Work on the project in DIR (default: current directory).")
    private Path dir = Path.of("");

    @Option(names = "--store-dir", paramLabel = "DIR",
            description = "Use the package store in DIR (default: $HYPE_HOME/store, else ~/.hype/store).")
    private Path storeDir;

    /** Return the project directory, absolute. */
    Path project() {
        return dir.toAbsolutePath();
    }

    /** Return the package store directory. */
    Path store() {
        return HypeHome.store(storeDir);
    }
}
