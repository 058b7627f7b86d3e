package dev.hype.pm.resolve;

import dev.hype.pm.features.FeatureName;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turn a {@link PackageSource} into incompatibilities, caching every answer.
 *
 * <p>As pub does, a dependency incompatibility covers the whole run of neighbouring versions that share
 * the same constraint on that dependency, open-ended at the oldest and newest version, so one conflict
 * rules out many versions at once and explanations read "foo &lt;1.1.0 depends on ...".
 *
 * <p>Features take part as {@link FeatureNode}s: {@code a[tls]} has the versions of {@code a} that have feature
 * {@code tls}, so a dependent asking for it skips the versions without it, as Cargo's resolver does.
 */
final class PackageLister {
    private final PackageSource source;
    private final RootRequirements root;
    private final Map<String, Optional<List<Version>>> versions = new HashMap<>();
    private final Map<String, Map<Version, Dependencies>> published = new HashMap<>();
    private final Map<String, Map<Version, NodeRequirements>> requirements = new HashMap<>();
    private final Map<String, Map<Version, FeatureTable>> tables = new HashMap<>();
    private final Map<Span, Boolean> defaults = new HashMap<>();
    private final Set<String> listed = new HashSet<>();

    /** A package and a range of its versions. */
    private record Span(String pkg, VersionSet range) {
    }

    PackageLister(PackageSource source, RootRequirements root) {
        this.source = source;
        this.root = root;
    }

    /** Return the node's versions, oldest first, or empty if its package does not exist. */
    Optional<List<Version>> versions(String node) {
        if (node.equals(root.name())) {
            return Optional.of(List.of(root.version()));
        }
        Optional<List<Version>> known = versions.get(node);
        if (known != null) {
            return known;
        }
        String pkg = FeatureNode.base(node);
        Optional<List<Version>> result;
        if (pkg.equals(node)) {
            result = source.versions(pkg).map(list -> List.copyOf(new java.util.TreeSet<>(list)));
        } else {
            result = versions(pkg).map(all -> all.stream().filter(v -> has(pkg, v, node)).toList());
        }
        versions.put(node, result);
        return result;
    }

    /** Return whether the package at {@code version} has the feature (or optional dependency) {@code node} names. */
    private boolean has(String pkg, Version version, String node) {
        String optional = FeatureNode.optionalDependency(node);
        return optional != null ? published(pkg, version).optional().containsKey(optional)
                : table(pkg, version).has(FeatureNode.feature(node));
    }

    /** Return the feature table of one package version. */
    FeatureTable table(String pkg, Version version) {
        return tables.computeIfAbsent(pkg, k -> new HashMap<>())
                .computeIfAbsent(version, v -> published(pkg, v).table());
    }

    /** Return what a package published for one version. */
    Dependencies published(String pkg, Version version) {
        return published.computeIfAbsent(pkg, k -> new HashMap<>())
                .computeIfAbsent(version, v -> source.dependencies(pkg, v));
    }

    /** Return what a node needs at one version (see {@link NodeRequirements#of}). */
    NodeRequirements requirements(String node, Version version) {
        Map<Version, NodeRequirements> byVersion = requirements.computeIfAbsent(node, k -> new HashMap<>());
        NodeRequirements known = byVersion.get(version);
        if (known == null) {
            String pkg = FeatureNode.base(node);
            known = node.equals(root.name()) ? NodeRequirements.ofRoot(root)
                    : NodeRequirements.of(node, version, published(pkg, version), () -> table(pkg, version));
            byVersion.put(version, known);
        }
        return known;
    }

    /**
     * Return whether some version of the package in the range declares a {@code default} feature. Asking for the
     * default feature of a package that has none enables nothing, so no incompatibility says it, and explanations
     * stay about packages. Asked only of the dependencies of a version being chosen, whose versions the solver
     * fetches anyway.
     */
    private boolean declaresDefault(String pkg, VersionSet range) {
        return defaults.computeIfAbsent(new Span(pkg, range), key -> {
            for (Version v : versions(pkg).orElse(List.of())) {
                if (range.contains(v) && published(pkg, v).features().containsKey(FeatureName.DEFAULT)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Return the nodes a node needs at one version, with the versions each must have. */
    Map<String, VersionSet> dependencies(String node, Version version) {
        return requirements(node, version).nodes();
    }

    /** Return the version the lockfile prefers for the node's package, or {@code null}. */
    Version locked(String node) {
        return root.locked().get(FeatureNode.base(node));
    }

    /** Return the dependency incompatibilities of one version not handed out before. */
    List<Incompatibility> incompatibilitiesFor(String pkg, Version version) {
        List<Incompatibility> result = new ArrayList<>();
        NodeRequirements needs = requirements(pkg, version);
        if (needs.invalid() != null) {
            result.add(Incompatibility.of(List.of(new Term(pkg, VersionSet.exactly(version), true)),
                    new Cause.InvalidFeature(needs.invalid()), root.name()));
            return result;
        }
        Map<String, VersionSet> deps = needs.nodes();
        List<Version> all = versions(pkg).orElse(List.of(version));
        int index = all.indexOf(version);
        for (var dep : deps.entrySet()) {
            if (FeatureNode.isDefault(dep.getKey()) && !declaresDefault(FeatureNode.base(dep.getKey()), dep.getValue())) {
                continue;
            }
            if (dep.getKey().equals(pkg)) {
                if (!dep.getValue().contains(version) && listed.add(pkg + "\u0000self\u0000" + version)) {
                    result.add(Incompatibility.of(List.of(new Term(pkg, VersionSet.exactly(version), true)),
                            new Cause.Dependency(), root.name()));
                }
                continue;
            }
            int lo = index;
            int hi = index;
            while (lo > 0 && sameDependency(pkg, all.get(lo - 1), dep.getKey(), dep.getValue())) {
                lo--;
            }
            while (hi < all.size() - 1 && sameDependency(pkg, all.get(hi + 1), dep.getKey(), dep.getValue())) {
                hi++;
            }
            if (!listed.add(pkg + "\u0000" + dep.getKey() + "\u0000" + lo + "\u0000" + hi)) {
                continue;
            }
            VersionSet range = pkg.equals(root.name()) ? VersionSet.exactly(version) : span(all, lo, hi);
            result.add(Incompatibility.of(List.of(new Term(pkg, range, true), new Term(dep.getKey(), dep.getValue(), false)),
                    new Cause.Dependency(), root.name()));
        }
        for (NodeRequirements.Weak weak : needs.weak()) {
            if (listed.add(pkg + "\u0000weak\u0000" + weak + "\u0000" + version)) {
                VersionSet exactly = VersionSet.exactly(version);
                result.add(Incompatibility.of(List.of(new Term(pkg, exactly, true), new Term(weak.condition(), exactly, true),
                        new Term(weak.target(), weak.range(), false)), new Cause.Dependency(), root.name()));
            }
        }
        return result;
    }

    private boolean sameDependency(String pkg, Version other, String dep, VersionSet set) {
        NodeRequirements theirs = requirements(pkg, other);
        VersionSet range = theirs.nodes().get(dep);
        return theirs.invalid() == null && range != null && range.equals(set) && range.toString().equals(set.toString());
    }

    private static VersionSet span(List<Version> all, int lo, int hi) {
        VersionSet set = VersionSet.any();
        if (lo > 0) {
            set = set.intersection(VersionSet.above(all.get(lo), true));
        }
        if (hi < all.size() - 1) {
            set = set.intersection(VersionSet.below(all.get(hi + 1), false));
        }
        return set;
    }

    /** Count the versions of a node a set allows. */
    int count(String pkg, VersionSet set) {
        int n = 0;
        for (Version v : versions(pkg).orElse(List.of())) {
            if (set.contains(v)) {
                n++;
            }
        }
        return n;
    }
}
