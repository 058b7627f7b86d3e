package dev.hype.pm.ops;

import java.nio.file.Path;

/**
 * Say what to publish and how.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param tag the dist-tag to point at the new version, or {@code null} for the default, {@code latest}, which npm's
 *     rules apply to: a prerelease, or a version below the highest published release, needs a tag given explicitly
 * @param dryRun whether to pack and check everything but send nothing
 * @param force whether to publish even with uncommitted changes in the project's git work tree, and, as npm's
 *     {@code --force}, without the checks on the version that the default tag implies
 * @param signingKey the Ed25519 private key file to sign with, or {@code null}
 */
public record PublishOptions(Path projectDirectory, String tag, boolean dryRun, boolean force, Path signingKey) {
    /** Return options that publish unsigned. */
    public PublishOptions(Path projectDirectory, String tag, boolean dryRun, boolean force) {
        this(projectDirectory, tag, dryRun, force, null);
    }

    /** Return the tag the version gets: the one given, else {@code latest}. */
    public String effectiveTag() {
        return tag == null ? "latest" : tag;
    }
}
