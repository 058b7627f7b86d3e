package dev.hype.pm.resolve;

import dev.hype.pm.semver.VersionSet;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hold what one package version depends on.
 *
 * <p>An optional dependency takes part in resolution only when an enabled feature lists it. A feature maps
 * to optional dependency names and other feature names; the feature named {@code default} is enabled unless
 * the caller asks otherwise. Once enabled, an optional dependency is required like any other.
 *
 * @param required dependencies always needed, name to allowed versions
 * @param optional dependencies needed only when a feature enables them
 * @param features feature name to the optional dependencies and features it enables
 */
public record Dependencies(Map<String, VersionSet> required, Map<String, VersionSet> optional,
                           Map<String, List<String>> features) {
    /** The dependencies of a package that needs nothing. */
    public static final Dependencies NONE = new Dependencies(Map.of(), Map.of(), Map.of());

    /** Copy the maps, sorted by name for determinism. */
    public Dependencies {
        required = java.util.Collections.unmodifiableMap(ordered(required));
        optional = java.util.Collections.unmodifiableMap(ordered(optional));
        TreeMap<String, List<String>> copy = new TreeMap<>();
        features.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        features = java.util.Collections.unmodifiableMap(copy);
    }

    /** Copy a map sorted by name: the resolver considers dependencies in name order, whatever map it gets. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    /** Create dependencies that have no optional part. */
    public static Dependencies of(Map<String, VersionSet> required) {
        return new Dependencies(required, Map.of(), Map.of());
    }

    /** Return the dependencies in force with the given features (plus {@code default} when asked). */
    public Map<String, VersionSet> effective(Collection<String> requestedFeatures, boolean defaultFeature) {
        if (optional.isEmpty() && features.isEmpty()) {
            return required;
        }
        Map<String, VersionSet> result = new LinkedHashMap<>(required);
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(requestedFeatures);
        if (defaultFeature) {
            pending.add("default");
        }
        while (!pending.isEmpty()) {
            String entry = pending.poll();
            if (!seen.add(entry)) {
                continue;
            }
            if (optional.containsKey(entry)) {
                result.putIfAbsent(entry, optional.get(entry));
            }
            pending.addAll(features.getOrDefault(entry, List.of()));
        }
        return result;
    }

    /** Return the names of features that neither exist nor name an optional dependency. */
    public List<String> unknownFeatures(Collection<String> requested) {
        return requested.stream().filter(f -> !features.containsKey(f) && !optional.containsKey(f)).toList();
    }
}
