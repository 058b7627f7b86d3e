package dev.hype.pm.ops;

import dev.hype.pm.pack.PackResult;
import java.net.URI;

/**
 * Hold what a publish did.
 *
 * @param packed the tarball that was (or on a dry run would have been) published
 * @param registry the registry it went to
 * @param tag the dist-tag that points at it
 * @param tarball the tarball URL it was published with, or {@code null} on a dry run
 * @param dryRun whether nothing was sent
 */
public record PublishResult(PackResult packed, URI registry, String tag, URI tarball, boolean dryRun) {
}
