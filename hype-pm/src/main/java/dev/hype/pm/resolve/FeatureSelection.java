package dev.hype.pm.resolve;

import java.util.List;

/**
 * Say which features of the project itself to enable, as {@code --features}, {@code --no-default-features} and
 * {@code --all-features} do.
 *
 * @param features features to enable by name; {@code dep/feature} enables a feature of a dependency
 * @param defaultFeatures whether the project's {@code default} feature is enabled
 * @param allFeatures whether every feature of the project is enabled
 * @param keepLocked whether no choice was made, so that an install keeps the project features its lockfile records
 *     (the default features when it records none); the other fields are ignored then
 */
public record FeatureSelection(List<String> features, boolean defaultFeatures, boolean allFeatures,
                               boolean keepLocked) {
    /** Code of a requested feature the project does not have. */
    public static final String UNKNOWN_FEATURE = "E_UNKNOWN_FEATURE";

    /** Code of a project feature whose entries name what the project lacks. */
    public static final String INVALID_FEATURE = "E_INVALID_FEATURE";

    /** The default: the {@code default} feature only. */
    public static final FeatureSelection DEFAULT = new FeatureSelection(List.of(), true, false, false);
    /** No choice: what the lockfile records, else the default. */
    public static final FeatureSelection LOCKED = new FeatureSelection(List.of(), true, false, true);

    /** Copy the list. */
    public FeatureSelection {
        features = List.copyOf(features);
    }

    /**
     * Return the text a record's generated {@code toString} gives, written out: the generated one is bootstrapped
     * through method handles spun on first use, which no AOT cache holds, and a no-op install keys its tree by this
     * text (InstallPipeline), so it cost every such install tens of milliseconds.
     */
    @Override
    public String toString() {
        return "FeatureSelection[features=" + features + ", defaultFeatures=" + defaultFeatures + ", allFeatures="
                + allFeatures + ", keepLocked=" + keepLocked + "]";
    }

    /** Enable these features besides {@code default}. */
    public static FeatureSelection of(List<String> features) {
        return new FeatureSelection(features, true, false, false);
    }

    /** Choose exactly these features, with or without {@code default}. */
    public static FeatureSelection of(List<String> features, boolean defaultFeatures, boolean allFeatures) {
        return new FeatureSelection(features, defaultFeatures, allFeatures, false);
    }
}
