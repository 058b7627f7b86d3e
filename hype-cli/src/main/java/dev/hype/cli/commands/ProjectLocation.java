package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.pm.manifest.ProjectDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose where a package command runs: the project found from the current directory, or from {@code -C DIR}. */
final class ProjectLocation {
    private static final String DESCRIPTION =
            "Run as if started in DIR; the project is the nearest folder from there up holding hype.json.";

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", converter = PathArguments.ExistingDirectory.class,
            description = DESCRIPTION)
    private Path dir = Path.of("");

    /** Add {@code -C, --dir} to a model built in code ({@link CommandModels}), as its annotation says. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.option(Path.class, () -> dir, value -> dir = value, "-C", "--dir")
                .paramLabel("DIR").converters(new PathArguments.ExistingDirectory())
                .description(DESCRIPTION)
                .build());
    }

    /** Return the directory the command starts in, absolute. */
    Path start() {
        return dir.toAbsolutePath().normalize();
    }

    /** Return the project's root: the nearest directory from {@link #start()} up holding {@code hype.json}. */
    Path project() {
        return ProjectDirectory.require(start());
    }
}
