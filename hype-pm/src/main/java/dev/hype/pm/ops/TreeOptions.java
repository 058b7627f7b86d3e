package dev.hype.pm.ops;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Say which dependency tree to show.
 *
 * @param projectDirectory the directory holding {@code hype.json} and {@code hype-lock.json}
 * @param start the package to root the tree at, or {@code null} for the project itself
 * @param depth how many levels below the root to show; negative for all
 * @param invert the package whose paths from the project to show instead of a tree, or {@code null}
 */
public record TreeOptions(Path projectDirectory, String start, int depth, String invert) {
    /** Check that the directory is given. */
    public TreeOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
    }
}
