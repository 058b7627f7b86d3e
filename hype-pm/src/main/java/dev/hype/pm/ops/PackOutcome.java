package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.pack.PackResult;
import java.nio.file.Path;

/**
 * Hold what a pack produced.
 *
 * @param manifest the validated manifest
 * @param packed the tarball, its digests and its file list
 * @param written the tarball's path, or {@code null} on a dry run
 */
public record PackOutcome(Manifest manifest, PackResult packed, Path written) {
}
