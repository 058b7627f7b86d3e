package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.resolve.Resolution;
import dev.hype.pm.resolve.RootRequirements;

/**
 * Hold what a resolve produced.
 *
 * @param manifest the project's manifest as read
 * @param root the requirements that were resolved (dev and feature dependencies included as asked)
 * @param resolution the chosen versions and install order
 */
public record ResolveResult(Manifest manifest, RootRequirements root, Resolution resolution) {
}
