package dev.hype.pm.manifest;

import dev.hype.runtime.HypeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Find the project a package command works on: the nearest directory, from where the command runs up to the
 * file system's root, that holds a {@code hype.json}, as npm, Cargo and uv find theirs.
 */
public final class ProjectDirectory {
    /** Code of a command run where no {@code hype.json} is found, in the directory or any above it. */
    public static final String E_NO_PROJECT = "E_NO_PROJECT";

    private ProjectDirectory() {
    }

    /** Return the nearest directory from {@code start} up that holds a {@code hype.json}, if any. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(Manifest.FILE_NAME))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Return the nearest directory from {@code start} up that holds a {@code hype.json}.
     *
     * @throws HypeException {@link #E_NO_PROJECT} when there is none
     */
    public static Path require(Path start) {
        Path from = start.toAbsolutePath().normalize();
        return find(from).orElseThrow(() -> new HypeException(E_NO_PROJECT, "no " + Manifest.FILE_NAME + " in "
                + from + " or any folder above it", List.of("run 'hype pkg init' to start a project here, "
                + "or run the command inside a project (or pass -C DIR)")));
    }
}
