package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.manifest.ProjectDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Choose where a package command runs: the project found from the current directory, or from {@code -C DIR}. */
final class ProjectLocation {
    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", converter = PathArguments.ExistingDirectory.class,
            description = "Run as if started in DIR; the project is the nearest folder from there up holding hype.json.")
    private Path dir = Path.of("");

    /** Return the directory the command starts in, absolute. */
    Path start() {
        return dir.toAbsolutePath().normalize();
    }

    /** Return the project's root: the nearest directory from {@link #start()} up holding {@code hype.json}. */
    Path project() {
        return ProjectDirectory.require(start());
    }
}
