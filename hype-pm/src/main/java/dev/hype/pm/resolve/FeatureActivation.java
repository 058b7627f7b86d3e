package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Walk the graph PubGrub chose, from the project down, and record what is active: each package reached, each
 * feature enabled, who enabled it, and the dependency edges. It is the least set the chosen versions force, so a
 * feature is on exactly when some dependent (or one of the package's own features) asks for it, and {@code default}
 * is on unless every dependent that reaches the package turned it off, as in Cargo.
 */
final class FeatureActivation {
    private final RootRequirements root;
    private final Map<String, Version> chosen;
    private final PackageLister lister;
    private final Set<String> active = new LinkedHashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Map<String, Map<String, List<String>>> enablers = new TreeMap<>();
    private final Map<String, Set<String>> edges = new TreeMap<>();

    private FeatureActivation(RootRequirements root, Map<String, Version> chosen, PackageLister lister) {
        this.root = root;
        this.chosen = chosen;
        this.lister = lister;
    }

    /** Turn PubGrub's decisions (feature nodes included) into a resolution. */
    static Resolution of(RootRequirements root, Map<String, Version> decisions, PackageLister lister) {
        Map<String, Version> chosen = new HashMap<>();
        decisions.forEach((node, version) -> {
            if (FeatureNode.feature(node) == null) {
                chosen.put(node, version);
            }
        });
        return new FeatureActivation(root, chosen, lister).walk();
    }

    private Resolution walk() {
        activate(root.name(), null);
        boolean grew = true;
        while (grew) {
            while (!pending.isEmpty()) {
                String node = pending.poll();
                lister.dependencies(node, version(node)).keySet().forEach(dep -> activate(dep, node));
            }
            grew = false;
            for (String node : List.copyOf(active)) {
                for (NodeRequirements.Weak weak : lister.requirements(node, version(node)).weak()) {
                    if (active.contains(weak.condition()) && !active.contains(weak.target())) {
                        activate(weak.target(), node);
                        grew = true;
                    } else if (active.contains(weak.condition())) {
                        enable(weak.target(), node);
                    }
                }
            }
        }
        Map<String, Version> versions = new TreeMap<>();
        Map<String, List<String>> dependencies = new TreeMap<>();
        for (String node : active) {
            if (FeatureNode.feature(node) == null && !node.equals(root.name())) {
                versions.put(node, chosen.get(node));
                dependencies.put(node, List.copyOf(edges.getOrDefault(node, Set.of())));
            }
        }
        return InstallOrder.of(versions, dependencies, enablers);
    }

    private Version version(String node) {
        return node.equals(root.name()) ? root.version() : chosen.get(FeatureNode.base(node));
    }

    private void activate(String node, String by) {
        if (by != null) {
            String from = FeatureNode.base(by);
            String to = FeatureNode.base(node);
            boolean itself = from.equals(to) && !by.equals(node);
            if (!itself && !from.equals(root.name())) {
                edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
            }
            enable(node, by);
        }
        if (active.add(node)) {
            pending.add(node);
        }
    }

    /** Record that {@code by} enabled the feature {@code node}, when it is a feature the package has by name. */
    private void enable(String node, String by) {
        if (!FeatureNode.isFeature(node)) {
            return;
        }
        String pkg = FeatureNode.base(node);
        String feature = FeatureNode.feature(node);
        if (FeatureNode.isDefault(node) && !lister.published(pkg, chosen.get(pkg)).features().containsKey(feature)) {
            return;
        }
        List<String> who = enablers.computeIfAbsent(pkg, k -> new TreeMap<>())
                .computeIfAbsent(feature, k -> new java.util.ArrayList<>());
        String label = label(by);
        if (!who.contains(label)) {
            who.add(label);
        }
    }

    /** Name an enabler: a package's declaration by its name, a feature as {@code name/feature}. */
    private static String label(String node) {
        return FeatureNode.isFeature(node) ? FeatureNode.base(node) + "/" + FeatureNode.feature(node)
                : FeatureNode.base(node);
    }
}
