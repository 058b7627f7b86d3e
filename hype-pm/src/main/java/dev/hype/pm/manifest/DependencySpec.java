package dev.hype.pm.manifest;

import java.util.List;

/**
 * Hold one dependency as the manifest declares it: a range string, or the object form
 * {@code {"version", "features", "optional", "default-features"}}.
 *
 * @param range the version range text
 * @param features features of the dependency to enable
 * @param optional whether a feature must enable the dependency (always true in {@code optionalDependencies})
 * @param defaultFeatures whether to ask for the dependency's {@code default} feature
 */
public record DependencySpec(String range, List<String> features, boolean optional, boolean defaultFeatures) {
    /** Copy the features. */
    public DependencySpec {
        features = List.copyOf(features);
    }

    /** Return the declaration a plain range string makes in a section of the given kind. */
    public static DependencySpec of(String range, DependencyKind kind) {
        return new DependencySpec(range, List.of(), kind == DependencyKind.OPTIONAL, true);
    }

    /** Return whether a plain range string says the same in a section of the given kind. */
    public boolean isPlain(DependencyKind kind) {
        return equals(of(range, kind));
    }
}
