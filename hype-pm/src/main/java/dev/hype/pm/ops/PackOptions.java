package dev.hype.pm.ops;

import java.nio.file.Path;

/**
 * Say what to pack and where to write it.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param outDirectory where the tarball goes
 * @param dryRun whether to pack without writing the tarball
 */
public record PackOptions(Path projectDirectory, Path outDirectory, boolean dryRun) {
}
