package dev.hype.pm.resolve;

import dev.hype.pm.features.FeatureEntry;
import dev.hype.pm.features.FeatureName;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.semver.VersionSet;
import dev.hype.runtime.HypeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Enable the project's own features, which the command line fixes before resolution starts, and follow their
 * entries to the optional dependencies they enable and the features they ask of dependencies: the same meaning
 * {@link NodeRequirements} gives a dependency's features, applied at once.
 *
 * @param features the enabled features the project declares or its optional dependencies imply
 * @param dependencies the dependencies in force: the required ones and the enabled optional ones
 * @param requests the features asked of each dependency in force
 */
record RootFeatures(Set<String> features, Map<String, VersionSet> dependencies,
                    Map<String, FeatureRequest> requests) {

    static RootFeatures enable(String name, Dependencies declared, FeatureSelection selection) {
        FeatureTable table = declared.table();
        List<String> unknown = new ArrayList<>();
        Deque<FeatureEntry> pending = new ArrayDeque<>();
        for (String text : selection.features()) {
            FeatureEntry entry = FeatureEntry.parse(text).orElse(null);
            if (entry == null || !known(table, entry)) {
                unknown.add(text);
            } else {
                pending.add(entry);
            }
        }
        if (!unknown.isEmpty()) {
            throw new HypeException(FeatureSelection.UNKNOWN_FEATURE, "unknown feature" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown.stream().map(f -> "\"" + f + "\"").toList()) + " for " + name,
                    List.of(table.features().isEmpty() ? name + " declares no features"
                            : "features of " + name + ": " + String.join(", ", table.features())));
        }
        if (selection.defaultFeatures()) {
            pending.add(new FeatureEntry.Feature(FeatureName.DEFAULT));
        }
        if (selection.allFeatures()) {
            table.features().forEach(f -> pending.add(new FeatureEntry.Feature(f)));
        }
        Set<String> features = new TreeSet<>();
        Map<String, VersionSet> dependencies = new TreeMap<>(declared.required());
        Map<String, FeatureRequest> requests = new TreeMap<>();
        declared.required().keySet().forEach(d -> requests.put(d, declared.request(d)));
        List<FeatureEntry.DependencyFeature> weak = new ArrayList<>();
        Set<FeatureEntry> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            FeatureEntry entry = pending.poll();
            if (!seen.add(entry)) {
                continue;
            }
            // instanceof rather than a pattern switch here and in known(): the switch's bootstrap spins classes at run
            // time that no AOT cache holds, which cost `hype pkg check` more than the rest of its lockfile check.
            if (entry instanceof FeatureEntry.Feature f) {
                if (table.has(f.name()) && (table.declares(f.name()) || !f.name().equals(FeatureName.DEFAULT))) {
                    features.add(f.name());
                }
                String problem = table.problem(f.name()).orElse(null);
                if (problem != null) {
                    throw new HypeException(FeatureSelection.INVALID_FEATURE, "feature \"" + f.name() + "\" of "
                            + name + " is invalid: " + problem, List.of("fix the features of " + name));
                }
                pending.addAll(table.entries(f.name()));
            } else if (entry instanceof FeatureEntry.Dependency d) {
                dependencies.put(d.dependency(), declared.optional().get(d.dependency()));
                requests.merge(d.dependency(), declared.request(d.dependency()), FeatureRequest::union);
            } else if (entry instanceof FeatureEntry.DependencyFeature df && df.weak()) {
                weak.add(df);
            } else if (entry instanceof FeatureEntry.DependencyFeature df) {
                if (table.isOptional(df.dependency())) {
                    pending.add(table.has(df.dependency()) ? new FeatureEntry.Feature(df.dependency())
                            : new FeatureEntry.Dependency(df.dependency()));
                }
                requests.merge(df.dependency(), FeatureRequest.of(List.of(df.feature()), false),
                        FeatureRequest::union);
            }
        }
        for (FeatureEntry.DependencyFeature df : weak) {
            if (dependencies.containsKey(df.dependency())) {
                requests.merge(df.dependency(), FeatureRequest.of(List.of(df.feature()), false), FeatureRequest::union);
            }
        }
        return new RootFeatures(features, dependencies, requests);
    }

    /** Return whether a requested entry names something the project has. */
    private static boolean known(FeatureTable table, FeatureEntry entry) {
        if (entry instanceof FeatureEntry.Feature f) {
            return table.has(f.name());
        }
        if (entry instanceof FeatureEntry.Dependency d) {
            return table.isOptional(d.dependency());
        }
        FeatureEntry.DependencyFeature df = (FeatureEntry.DependencyFeature) entry;
        return table.isDependency(df.dependency()) && (!df.weak() || table.isOptional(df.dependency()));
    }
}
