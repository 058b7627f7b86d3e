package dev.hype.pm.ops;

import dev.hype.pm.features.FeatureName;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.resolve.FeatureSelection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        FeatureTable table = table(manifest);
        List<String> kept = lock.rootFeatures().stream()
                .filter(f -> !f.equals(FeatureName.DEFAULT) && table.has(f)).toList();
        boolean defaultFeatures = lock.rootFeatures().contains(FeatureName.DEFAULT)
                || !table.declares(FeatureName.DEFAULT);
        return FeatureSelection.of(kept, defaultFeatures, false);
    }

    /**
     * Return the project's feature table from its dependencies' names alone, as {@link ResolveOperation#declared}
     * builds it, without parsing their ranges: for 200 dependencies those parses were 7% of the samples of a warm install (JFR).
     */
    private static FeatureTable table(Manifest manifest) {
        Set<String> required = new HashSet<>();
        Set<String> optional = new HashSet<>();
        for (DependencyKind kind : List.of(DependencyKind.RUNTIME, DependencyKind.OPTIONAL)) {
            manifest.specs(kind).forEach((name, spec) -> (spec.optional() ? optional : required).add(name));
        }
        return new FeatureTable(required, optional, manifest.features());
    }
}
