package dev.hype.pm.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hold one package version's features with the names of its dependencies, and say what each feature enables.
 *
 * <p>A feature exists when the package declares it, when it is {@code default} (which enables nothing unless
 * declared), or when an optional dependency implies it: every optional dependency that no entry names as
 * {@code dep:name} implies a feature of its own name, as in Cargo. Where a declared feature has the name of such
 * an optional dependency, the feature enables both its entries and the dependency (as Hype always did; Cargo
 * rejects the clash).
 */
public final class FeatureTable {
    private final Set<String> required;
    private final Set<String> optional;
    private final Map<String, List<String>> declared;
    private final Set<String> implied;

    /**
     * Create a table.
     *
     * @param required the names of the package's dependencies that are always needed
     * @param optional the names of its optional dependencies
     * @param declared feature name to its entries, as written
     */
    public FeatureTable(Set<String> required, Set<String> optional, Map<String, List<String>> declared) {
        this.required = Set.copyOf(required);
        this.optional = Set.copyOf(optional);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        declared.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.declared = Collections.unmodifiableMap(copy);
        Set<String> named = new TreeSet<>();
        for (List<String> entries : declared.values()) {
            for (String entry : entries) {
                FeatureEntry.parse(entry).ifPresent(e -> {
                    if (e instanceof FeatureEntry.Dependency d) {
                        named.add(d.dependency());
                    }
                });
            }
        }
        Set<String> implicit = new TreeSet<>(optional);
        implicit.removeAll(named);
        this.implied = Collections.unmodifiableSet(implicit);
    }

    /** Return whether the package has this feature. */
    public boolean has(String feature) {
        return feature.equals(FeatureName.DEFAULT) || declared.containsKey(feature) || implied.contains(feature);
    }

    /** Return whether the package declares this feature in its {@code features} (not only implies it). */
    public boolean declares(String feature) {
        return declared.containsKey(feature);
    }

    /** Return whether {@code name} is an optional dependency. */
    public boolean isOptional(String name) {
        return optional.contains(name);
    }

    /** Return whether {@code name} is a dependency, optional or not. */
    public boolean isDependency(String name) {
        return optional.contains(name) || required.contains(name);
    }

    /** Return every feature the package has, sorted: declared ones and the ones optional dependencies imply. */
    public Set<String> features() {
        Set<String> all = new TreeSet<>(declared.keySet());
        all.addAll(implied);
        return Collections.unmodifiableSet(all);
    }

    /** Return the features optional dependencies imply, sorted. */
    public Set<String> impliedFeatures() {
        return implied;
    }

    /** Return the declared features and their entries, as written. */
    public Map<String, List<String>> declared() {
        return declared;
    }

    /**
     * Return what an existing feature enables: its declared entries, parsed, then {@code dep:name} when an optional
     * dependency implies it. Entries that do not parse are left out; {@link #problem(String)} reports them.
     */
    public List<FeatureEntry> entries(String feature) {
        List<FeatureEntry> entries = new ArrayList<>();
        for (String text : declared.getOrDefault(feature, List.of())) {
            FeatureEntry.parse(text).ifPresent(entries::add);
        }
        if (implied.contains(feature)) {
            entries.add(new FeatureEntry.Dependency(feature));
        }
        return entries;
    }

    /** Return why one of the feature's entries is invalid (the first such), or empty when all are valid. */
    public Optional<String> problem(String feature) {
        for (String text : declared.getOrDefault(feature, List.of())) {
            Optional<String> problem = entryProblem(text);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** Return why the entry text is invalid in this table, or empty when it is valid. */
    public Optional<String> entryProblem(String text) {
        Optional<FeatureEntry> parsed = FeatureEntry.parse(text);
        if (parsed.isEmpty()) {
            return Optional.of(FeatureEntry.syntaxProblem(text));
        }
        return switch (parsed.get()) {
            case FeatureEntry.Feature f -> featureProblem(f.name());
            case FeatureEntry.Dependency d -> optional.contains(d.dependency()) ? Optional.empty()
                    : Optional.of(quote(text) + " names " + d.dependency() + ", which is "
                            + (required.contains(d.dependency()) ? "not an optional dependency" : "not a dependency"));
            case FeatureEntry.DependencyFeature df -> dependencyFeatureProblem(text, df);
        };
    }

    private Optional<String> featureProblem(String name) {
        if (has(name)) {
            return Optional.empty();
        }
        if (required.contains(name)) {
            return Optional.of(quote(name) + " names a dependency that is not optional (make it optional, or write "
                    + quote(name + "/FEATURE") + " to enable one of its features)");
        }
        if (optional.contains(name)) {
            return Optional.of(quote(name) + " is an optional dependency that another entry enables as "
                    + quote("dep:" + name) + ", so it implies no feature; write " + quote("dep:" + name) + " here too");
        }
        return Optional.of(quote(name) + " is neither an optional dependency nor a feature");
    }

    private Optional<String> dependencyFeatureProblem(String text, FeatureEntry.DependencyFeature df) {
        if (!isDependency(df.dependency())) {
            return Optional.of(quote(text) + " names " + df.dependency() + ", which is not a dependency");
        }
        if (df.weak() && !optional.contains(df.dependency())) {
            return Optional.of(quote(text) + ": " + df.dependency() + " is not optional, so \"?\" means nothing; write "
                    + quote(df.dependency() + "/" + df.feature()));
        }
        return Optional.empty();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
