package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Describe what the project being resolved needs.
 *
 * <p>Dependencies are considered in name order (which, as in pub, decides ties between equally
 * constrained packages and the order of clauses in explanations), whatever map is passed.
 *
 * @param name the project's package name, used in explanations ("myapp depends on ...")
 * @param version the project's own version
 * @param dependencies the dependencies in force (dev dependencies and enabled optional ones included)
 * @param locked versions to prefer when still allowed, typically from the lockfile
 * @param requests dependency name to the features the project asks of it, where not just the default ones
 * @param features the project's own features that are enabled, sorted
 */
public record RootRequirements(String name, Version version, Map<String, VersionSet> dependencies,
                               Map<String, Version> locked, Map<String, FeatureRequest> requests,
                               List<String> features) {
    /** Copy the maps. */
    public RootRequirements {
        dependencies = Collections.unmodifiableMap(Dependencies.ordered(dependencies));
        locked = Map.copyOf(locked);
        requests = Collections.unmodifiableMap(Dependencies.ordered(requests));
        features = features.stream().sorted().distinct().toList();
    }

    /** Create requirements whose dependencies ask for their default features only. */
    public RootRequirements(String name, Version version, Map<String, VersionSet> dependencies,
                            Map<String, Version> locked) {
        this(name, version, dependencies, locked, Map.of(), List.of());
    }

    /** Create requirements without locked versions. */
    public static RootRequirements of(String name, Version version, Map<String, VersionSet> dependencies) {
        return new RootRequirements(name, version, dependencies, Map.of());
    }

    /**
     * Compute the requirements of a project from what it declares: its features as {@code selection} enables them
     * decide which optional dependencies are in force and which features it asks of each dependency.
     *
     * @param declared the project's dependencies, optional ones and features
     * @param dev the dev dependencies to add (empty when they take no part), with the features they ask
     * @throws dev.hype.runtime.HypeException {@link FeatureSelection#UNKNOWN_FEATURE} for a feature the project lacks
     */
    public static RootRequirements of(String name, Version version, Dependencies declared, Dependencies dev,
                                      FeatureSelection selection, Map<String, Version> locked) {
        RootFeatures enabled = RootFeatures.enable(name, declared, selection);
        Map<String, VersionSet> dependencies = new java.util.TreeMap<>(enabled.dependencies());
        Map<String, FeatureRequest> requests = new java.util.TreeMap<>(enabled.requests());
        dev.required().forEach((dep, set) -> {
            dependencies.merge(dep, set, VersionSet::intersection);
            requests.merge(dep, dev.request(dep), FeatureRequest::union);
        });
        requests.values().removeIf(FeatureRequest.DEFAULT::equals);
        return new RootRequirements(name, version, dependencies, locked, requests, List.copyOf(enabled.features()));
    }

    /** Return the features the project asks of a dependency. */
    public FeatureRequest request(String dependency) {
        return requests.getOrDefault(dependency, FeatureRequest.DEFAULT);
    }
}
