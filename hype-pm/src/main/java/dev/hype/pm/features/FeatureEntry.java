package dev.hype.pm.features;

import java.util.Optional;

/**
 * Read one entry of a feature's list, as Cargo spells them.
 *
 * <ul>
 *   <li>{@code name}: another feature of the package, or the feature an optional dependency implies</li>
 *   <li>{@code dep:name}: the optional dependency {@code name}, without implying a feature of that name</li>
 *   <li>{@code dep/feature}: feature {@code feature} of the dependency {@code dep}, enabling {@code dep} when it
 *       is optional</li>
 *   <li>{@code dep?/feature}: feature {@code feature} of {@code dep}, only if something else enables {@code dep}</li>
 * </ul>
 */
public sealed interface FeatureEntry {
    /** Another feature of the same package (an explicit one, or one an optional dependency implies). */
    record Feature(String name) implements FeatureEntry {
        @Override
        public String toString() {
            return name;
        }

        // Written out, as in the other entries: a record's generated hashCode is linked at run time on first use
        // (ObjectMethods' bootstrap spins classes no AOT cache holds), a cost `hype pkg check` paid for its feature set.
        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** The optional dependency {@code dependency}, written {@code dep:name}. */
    record Dependency(String dependency) implements FeatureEntry {
        @Override
        public String toString() {
            return "dep:" + dependency;
        }

        @Override
        public int hashCode() {
            return 31 + dependency.hashCode();
        }
    }

    /** A feature of a dependency, written {@code dep/feature}, or {@code dep?/feature} when weak. */
    record DependencyFeature(String dependency, String feature, boolean weak) implements FeatureEntry {
        @Override
        public String toString() {
            return dependency + (weak ? "?/" : "/") + feature;
        }

        @Override
        public int hashCode() {
            return (dependency.hashCode() * 31 + feature.hashCode()) * 31 + Boolean.hashCode(weak);
        }
    }

    /**
     * Parse an entry, or return empty when it is not one of the four forms. A scoped name counts as one name:
     * {@code @scope/json} is a feature (the one the optional dependency {@code @scope/json} implies), and
     * {@code @scope/json/pretty} is feature {@code pretty} of {@code @scope/json}.
     */
    static Optional<FeatureEntry> parse(String text) {
        if (text.startsWith("dep:")) {
            String dependency = text.substring(4);
            return isName(dependency) ? Optional.of(new Dependency(dependency)) : Optional.empty();
        }
        int slash = text.startsWith("@") ? text.indexOf('/', text.indexOf('/') + 1) : text.indexOf('/');
        if (slash < 0) {
            return isName(text) ? Optional.of(new Feature(text)) : Optional.empty();
        }
        boolean weak = slash > 0 && text.charAt(slash - 1) == '?';
        String dependency = text.substring(0, weak ? slash - 1 : slash);
        String feature = text.substring(slash + 1);
        if (!isName(dependency) || FeatureName.problem(feature).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new DependencyFeature(dependency, feature, weak));
    }

    /** Return whether {@code text} can name a feature or dependency: not empty, no syntax, at most a scope's slash. */
    private static boolean isName(String text) {
        if (text.isEmpty() || text.contains("?") || text.contains(":") || text.isBlank()) {
            return false;
        }
        int slash = text.indexOf('/');
        return slash < 0 || (text.startsWith("@") && slash > 1 && slash < text.length() - 1
                && text.indexOf('/', slash + 1) < 0);
    }

    /** Return why {@code text} is not an entry, for messages. */
    static String syntaxProblem(String text) {
        return "\"" + text + "\" is not a feature entry (expected a feature name, \"dep:name\", \"dep/feature\" or "
                + "\"dep?/feature\")";
    }
}
