package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold a dependency tree, or with {@code --invert} the paths that lead to one package.
 *
 * @param root the tree's root, or {@code null} when paths were asked for
 * @param paths each path from the project to the inverted package, project first; empty unless asked
 */
public record TreeResult(Node root, List<List<Node>> paths) {
    /** Copy the paths. */
    public TreeResult {
        paths = paths.stream().map(List::copyOf).toList();
    }

    /**
     * Describe one package in the tree.
     *
     * @param name the package (or project) name
     * @param version its version; the project's may be {@code null}
     * @param deduped whether it was shown before and is not expanded again here
     * @param children its dependencies, sorted by name; empty when deduped or past the depth limit
     * @param features its enabled features, sorted, each with what enabled it (a dependent's name, or
     *     {@code name/feature}); the project's own features have no enablers listed (its command line chose them)
     */
    public record Node(String name, Version version, boolean deduped, List<Node> children,
                       Map<String, List<String>> features) {
        /** Copy the children and features. */
        public Node {
            children = List.copyOf(children);
            features = Collections.unmodifiableMap(new TreeMap<>(features));
        }

        /** Create a node with no features enabled. */
        public Node(String name, Version version, boolean deduped, List<Node> children) {
            this(name, version, deduped, children, Map.of());
        }
    }
}
