package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;

/**
 * Hold the outcome of a successful resolution.
 *
 * @param versions the chosen version of every package (the root excluded), sorted by name
 * @param installOrder every chosen package, dependencies before dependents, ties broken by name
 * @param dependencies for each chosen package, the chosen packages it depends on, sorted
 * @param cycles groups of packages that depend on each other, each sorted, listed in install order
 */
public record Resolution(Map<String, Version> versions, List<String> installOrder,
                         Map<String, List<String>> dependencies, List<List<String>> cycles) {
    /** Copy the collections. */
    public Resolution {
        versions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(versions));
        installOrder = List.copyOf(installOrder);
        dependencies = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(dependencies));
        cycles = cycles.stream().map(List::copyOf).toList();
    }
}
