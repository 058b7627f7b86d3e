package dev.hype.pm.resolve;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Say which features a dependent asks of one dependency: the ones it lists, plus {@code default} unless it turned
 * the default features off.
 *
 * @param features the features asked for by name, sorted
 * @param defaultFeatures whether the dependency's {@code default} feature is asked for too
 */
public record FeatureRequest(Set<String> features, boolean defaultFeatures) {
    /** What a plain range string asks: the default features and nothing else. */
    public static final FeatureRequest DEFAULT = new FeatureRequest(Set.of(), true);

    /** Copy the features, sorted. */
    public FeatureRequest {
        features = Collections.unmodifiableSet(new TreeSet<>(features));
    }

    /** Create a request for these features, with or without the default ones. */
    public static FeatureRequest of(Collection<String> features, boolean defaultFeatures) {
        return new FeatureRequest(Set.copyOf(features), defaultFeatures);
    }

    // equals and hashCode written out: a record's generated ones are linked at run time on first use (ObjectMethods'
    // bootstrap spins classes no AOT cache holds), a cost every `hype pkg check` paid for its root requirements.
    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureRequest r && defaultFeatures == r.defaultFeatures && features.equals(r.features);
    }

    @Override
    public int hashCode() {
        return features.hashCode() * 31 + Boolean.hashCode(defaultFeatures);
    }

    /** Return the union of two requests: every feature either asks for, default if either asks for it. */
    public FeatureRequest union(FeatureRequest other) {
        Set<String> all = new TreeSet<>(features);
        all.addAll(other.features);
        return new FeatureRequest(all, defaultFeatures || other.defaultFeatures);
    }
}
