package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold the outcome of a successful resolution.
 *
 * @param versions the chosen version of every package (the root excluded), sorted by name
 * @param installOrder every chosen package, dependencies before dependents, ties broken by name
 * @param dependencies for each chosen package, the chosen packages it depends on, sorted
 * @param cycles groups of packages that depend on each other, each sorted, listed in install order
 * @param features for each chosen package that has features enabled, each enabled feature and what enabled it:
 *     a package name for a dependent's declaration (the project's name for the project), {@code name/feature} for a
 *     feature of a package (a dependent's or the package's own); all sorted
 */
public record Resolution(Map<String, Version> versions, List<String> installOrder,
                         Map<String, List<String>> dependencies, List<List<String>> cycles,
                         Map<String, Map<String, List<String>>> features) {
    /** Copy the collections. */
    public Resolution {
        versions = Collections.unmodifiableMap(new TreeMap<>(versions));
        installOrder = List.copyOf(installOrder);
        dependencies = Collections.unmodifiableMap(new TreeMap<>(dependencies));
        cycles = cycles.stream().map(List::copyOf).toList();
        features = copy(features);
    }

    /** Create a resolution in which no package has a feature enabled. */
    public Resolution(Map<String, Version> versions, List<String> installOrder, Map<String, List<String>> dependencies,
                      List<List<String>> cycles) {
        this(versions, installOrder, dependencies, cycles, Map.of());
    }

    /** Copy a package → feature → enablers map, sorted at every level, leaving out packages without features. */
    static Map<String, Map<String, List<String>>> copy(Map<String, Map<String, List<String>>> features) {
        Map<String, Map<String, List<String>>> copy = new TreeMap<>();
        features.forEach((pkg, byFeature) -> {
            if (!byFeature.isEmpty()) {
                Map<String, List<String>> inner = new TreeMap<>();
                byFeature.forEach((f, who) -> inner.put(f, who.stream().sorted().distinct().toList()));
                copy.put(pkg, Collections.unmodifiableMap(inner));
            }
        });
        return Collections.unmodifiableMap(copy);
    }
}
