package dev.hype.pm.ops;

import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.semver.Version;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Describe how an operation changes {@code hype.json}: once before resolving, and once more after, when the chosen
 * versions are known (to write {@code ^1.2.3} for a package added without a range).
 *
 * @param beforeResolve the edit whose result is resolved
 * @param afterResolve given the chosen versions, the edit written to disk
 */
record ManifestEdits(UnaryOperator<ManifestEditor> beforeResolve,
                     Function<Map<String, Version>, UnaryOperator<ManifestEditor>> afterResolve) {
    /** Leave the manifest as it is. */
    static final ManifestEdits NONE = new ManifestEdits(UnaryOperator.identity(), versions -> UnaryOperator.identity());
}
