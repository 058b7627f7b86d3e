package dev.hype.pm.ops;

import java.nio.file.Path;

/**
 * Say which project to check and where its store is.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param storeRoot the content-addressed store whose file hashes installed files are compared with
 */
public record CheckOptions(Path projectDirectory, Path storeRoot) {
}
