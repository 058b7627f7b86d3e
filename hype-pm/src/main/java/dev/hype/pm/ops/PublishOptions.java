package dev.hype.pm.ops;

import java.nio.file.Path;

/**
 * Say what to publish and how.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param tag the dist-tag to point at the new version, usually {@code latest}
 * @param dryRun whether to pack and check everything but send nothing
 * @param force whether to publish even with uncommitted changes in the project's git work tree
 */
public record PublishOptions(Path projectDirectory, String tag, boolean dryRun, boolean force, Path signingKey) {
    /** Return options that publish unsigned. */
    public PublishOptions(Path projectDirectory, String tag, boolean dryRun, boolean force) {
        this(projectDirectory, tag, dryRun, force, null);
    }
}
