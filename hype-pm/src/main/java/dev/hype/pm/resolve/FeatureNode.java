package dev.hype.pm.resolve;

/**
 * Name the resolver's packages that stand for features, as uv does for extras: {@code a[tls]} is feature
 * {@code tls} of {@code a}, and {@code a[dep:b]} is "{@code a} with its optional dependency {@code b} enabled".
 * Each has the versions of {@code a} that have the feature, and each of those depends on {@code a} at exactly that
 * version, so choosing the feature chooses the package with it. Package names never hold {@code [}.
 */
final class FeatureNode {
    private static final String MARKER = "dep:";

    private FeatureNode() {
    }

    /** Return the node of feature {@code feature} of {@code pkg}. */
    static String of(String pkg, String feature) {
        return pkg + "[" + feature + "]";
    }

    /** Return the node of {@code pkg} with its optional dependency {@code dependency} enabled. */
    static String optional(String pkg, String dependency) {
        return of(pkg, MARKER + dependency);
    }

    /** Return the package a node belongs to: itself for a package. */
    static String base(String node) {
        int open = node.indexOf('[');
        return open < 0 || !node.endsWith("]") ? node : node.substring(0, open);
    }

    /** Return the feature (or {@code dep:name}) of a node, or {@code null} for a package. */
    static String feature(String node) {
        int open = node.indexOf('[');
        return open < 0 || !node.endsWith("]") ? null : node.substring(open + 1, node.length() - 1);
    }

    /** Return the optional dependency a {@code dep:name} node enables, or {@code null} for any other node. */
    static String optionalDependency(String node) {
        String feature = feature(node);
        return feature != null && feature.startsWith(MARKER) ? feature.substring(MARKER.length()) : null;
    }

    /** Return whether the node is the {@code default} feature of its package. */
    static boolean isDefault(String node) {
        return dev.hype.pm.features.FeatureName.DEFAULT.equals(feature(node));
    }

    /** Return whether the node is a feature in the user's sense: not a package, not a {@code dep:name} marker. */
    static boolean isFeature(String node) {
        return feature(node) != null && optionalDependency(node) == null;
    }
}
