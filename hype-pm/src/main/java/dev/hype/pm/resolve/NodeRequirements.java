package dev.hype.pm.resolve;

import dev.hype.pm.features.FeatureEntry;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Say what one resolver node needs at one version: a package its required dependencies, a feature its package at
 * the same version plus what its entries enable, a {@code dep:name} node the optional dependency. Every dependency
 * comes with the features asked of it, as feature nodes on the same range.
 *
 * @param nodes node to the versions it must have, sorted by node
 * @param weak the {@code dep?/feature} entries: each needs its target only while its condition is chosen too
 * @param invalid why the feature cannot be used, or {@code null} when it can
 */
record NodeRequirements(Map<String, VersionSet> nodes, List<Weak> weak, String invalid) {
    /**
     * A {@code dep?/feature} entry of a feature.
     *
     * @param condition the {@code dep:name} node of the package that must be chosen for the entry to count
     * @param target the feature node of the dependency it enables then
     * @param range the versions the dependency is declared with
     */
    record Weak(String condition, String target, VersionSet range) {
    }

    NodeRequirements {
        nodes = Collections.unmodifiableMap(new TreeMap<>(nodes));
        weak = List.copyOf(weak);
    }

    /**
     * Compute what {@code node} needs at {@code version}, from the dependencies of its package at that version and
     * their feature table (asked for feature nodes only).
     */
    static NodeRequirements of(String node, Version version, Dependencies deps,
                               java.util.function.Supplier<FeatureTable> tableOf) {
        Builder builder = new Builder(deps);
        String pkg = FeatureNode.base(node);
        String feature = FeatureNode.feature(node);
        if (feature == null) {
            deps.required().forEach(builder::dependency);
            return builder.build(null);
        }
        VersionSet exactly = VersionSet.exactly(version);
        builder.add(pkg, exactly);
        String dependency = FeatureNode.optionalDependency(node);
        if (dependency != null) {
            if (!deps.optional().containsKey(dependency)) {
                return builder.build("there is no optional dependency " + dependency);
            }
            builder.dependency(dependency, deps.optional().get(dependency));
            return builder.build(null);
        }
        FeatureTable table = tableOf.get();
        String invalid = table.has(feature) ? table.problem(feature).orElse(null) : "there is no such feature";
        if (invalid != null) {
            return builder.build(invalid);
        }
        for (FeatureEntry entry : table.entries(feature)) {
            switch (entry) {
                case FeatureEntry.Feature f -> builder.add(FeatureNode.of(pkg, f.name()), exactly);
                case FeatureEntry.Dependency d -> builder.add(FeatureNode.optional(pkg, d.dependency()), exactly);
                case FeatureEntry.DependencyFeature df -> {
                    VersionSet range = deps.range(df.dependency());
                    String target = FeatureNode.of(df.dependency(), df.feature());
                    if (df.weak()) {
                        builder.weak.add(new Weak(FeatureNode.optional(pkg, df.dependency()), target, range));
                        continue;
                    }
                    if (table.isOptional(df.dependency())) {
                        builder.add(table.has(df.dependency()) ? FeatureNode.of(pkg, df.dependency())
                                : FeatureNode.optional(pkg, df.dependency()), exactly);
                    }
                    builder.add(target, range);
                }
            }
        }
        return builder.build(null);
    }

    /** Compute what the project needs: its dependencies in force, each with the features the project asks of it. */
    static NodeRequirements ofRoot(RootRequirements root) {
        Builder builder = new Builder(new Dependencies(root.dependencies(), Map.of(), Map.of(), root.requests()));
        root.dependencies().forEach(builder::dependency);
        return builder.build(null);
    }

    /** Collect nodes, intersecting the ranges of a node named twice. */
    private static final class Builder {
        private final Dependencies deps;
        private final Map<String, VersionSet> nodes = new TreeMap<>();
        private final List<Weak> weak = new ArrayList<>();

        Builder(Dependencies deps) {
            this.deps = deps;
        }

        void add(String node, VersionSet range) {
            nodes.merge(node, range, VersionSet::intersection);
        }

        /** Add a dependency with the features asked of it. */
        void dependency(String name, VersionSet range) {
            add(name, range);
            FeatureRequest request = deps.request(name);
            request.features().forEach(f -> add(FeatureNode.of(name, f), range));
            if (request.defaultFeatures()) {
                add(FeatureNode.of(name, dev.hype.pm.features.FeatureName.DEFAULT), range);
            }
        }

        NodeRequirements build(String invalid) {
            return invalid != null ? new NodeRequirements(Map.of(), List.of(), invalid)
                    : new NodeRequirements(nodes, weak, null);
        }
    }
}
