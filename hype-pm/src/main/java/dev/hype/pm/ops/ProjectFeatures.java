package dev.hype.pm.ops;

import dev.hype.pm.features.FeatureName;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.resolve.FeatureSelection;
import java.util.List;

/**
 * Decide which of the project's own features a command works with: the ones asked for on its command line, else
 * (no feature flag given) the ones the lockfile records, so that {@code install}, {@code update} and {@code remove}
 * keep what an earlier {@code install --features ...} chose.
 */
final class ProjectFeatures {
    private ProjectFeatures() {
    }

    /** Return {@code requested}, or when it makes no choice, the lockfile's features still in the manifest. */
    static FeatureSelection choose(FeatureSelection requested, Manifest manifest, Lockfile lock) {
        if (!requested.keepLocked()) {
            return requested;
        }
        if (lock == null || lock.rootFeatures() == null) {
            return FeatureSelection.DEFAULT;
        }
        FeatureTable table = ResolveOperation.declared(manifest).table();
        List<String> kept = lock.rootFeatures().stream()
                .filter(f -> !f.equals(FeatureName.DEFAULT) && table.has(f)).toList();
        boolean defaultFeatures = lock.rootFeatures().contains(FeatureName.DEFAULT)
                || !table.declares(FeatureName.DEFAULT);
        return FeatureSelection.of(kept, defaultFeatures, false);
    }
}
