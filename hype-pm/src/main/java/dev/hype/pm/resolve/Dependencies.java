package dev.hype.pm.resolve;

import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.semver.VersionSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold what one package version depends on, and its features.
 *
 * <p>An optional dependency takes part in resolution only when an enabled feature enables it. A feature's entries
 * name other features, optional dependencies ({@code name}, {@code dep:name}) and features of dependencies
 * ({@code dep/feature}, {@code dep?/feature}); {@link FeatureTable} says what each means. Each dependency carries
 * the features this package asks of it ({@link FeatureRequest#DEFAULT} when none are given).
 *
 * @param required dependencies always needed, name to allowed versions
 * @param optional dependencies needed only when a feature enables them
 * @param features feature name to its entries, as published
 * @param requests dependency name to the features asked of it, where not just the default ones
 */
public record Dependencies(Map<String, VersionSet> required, Map<String, VersionSet> optional,
                           Map<String, List<String>> features, Map<String, FeatureRequest> requests) {
    /** The dependencies of a package that needs nothing. */
    public static final Dependencies NONE = new Dependencies(Map.of(), Map.of(), Map.of());

    /** Copy the maps, sorted by name for determinism. */
    public Dependencies {
        required = Collections.unmodifiableMap(ordered(required));
        optional = Collections.unmodifiableMap(ordered(optional));
        TreeMap<String, List<String>> copy = new TreeMap<>();
        features.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        features = Collections.unmodifiableMap(copy);
        requests = Collections.unmodifiableMap(ordered(requests));
    }

    /** Create dependencies whose every dependency asks for the default features only. */
    public Dependencies(Map<String, VersionSet> required, Map<String, VersionSet> optional,
                        Map<String, List<String>> features) {
        this(required, optional, features, Map.of());
    }

    /** Copy a map sorted by name: the resolver considers dependencies in name order, whatever map it gets. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    /** Create dependencies that have no optional part. */
    public static Dependencies of(Map<String, VersionSet> required) {
        return new Dependencies(required, Map.of(), Map.of());
    }

    /** Return the features asked of a dependency. */
    public FeatureRequest request(String dependency) {
        return requests.getOrDefault(dependency, FeatureRequest.DEFAULT);
    }

    /** Return the versions allowed for a dependency, required or optional, or {@code null} if it is neither. */
    public VersionSet range(String dependency) {
        VersionSet set = required.get(dependency);
        return set != null ? set : optional.get(dependency);
    }

    /** Return the feature table: which features exist and what their entries mean. */
    public FeatureTable table() {
        return new FeatureTable(required.keySet(), optional.keySet(), features);
    }
}
