package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
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
 */
public record RootRequirements(String name, Version version, Map<String, VersionSet> dependencies,
                               Map<String, Version> locked) {
    /** Copy the maps. */
    public RootRequirements {
        dependencies = java.util.Collections.unmodifiableMap(Dependencies.ordered(dependencies));
        locked = Map.copyOf(locked);
    }

    /** Create requirements without locked versions. */
    public static RootRequirements of(String name, Version version, Map<String, VersionSet> dependencies) {
        return new RootRequirements(name, version, dependencies, Map.of());
    }
}
