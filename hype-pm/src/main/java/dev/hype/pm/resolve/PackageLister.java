package dev.hype.pm.resolve;

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
 */
final class PackageLister {
    private final PackageSource source;
    private final RootRequirements root;
    private final Map<String, Optional<List<Version>>> versions = new HashMap<>();
    private final Map<String, Map<Version, Map<String, VersionSet>>> dependencies = new HashMap<>();
    private final Set<String> listed = new HashSet<>();

    PackageLister(PackageSource source, RootRequirements root) {
        this.source = source;
        this.root = root;
    }

    /** Return the package's versions, oldest first, or empty if it does not exist. */
    Optional<List<Version>> versions(String pkg) {
        if (pkg.equals(root.name())) {
            return Optional.of(List.of(root.version()));
        }
        return versions.computeIfAbsent(pkg, name -> source.versions(name).map(list -> {
            List<Version> sorted = new ArrayList<>(new java.util.TreeSet<>(list));
            return List.copyOf(sorted);
        }));
    }

    /** Return the dependencies in force for one version: required ones plus those its default feature enables. */
    Map<String, VersionSet> dependencies(String pkg, Version version) {
        if (pkg.equals(root.name())) {
            return root.dependencies();
        }
        return dependencies.computeIfAbsent(pkg, k -> new HashMap<>())
                .computeIfAbsent(version, v -> source.dependencies(pkg, v).effective(List.of(), true));
    }

    /** Return the dependency incompatibilities of one version not handed out before. */
    List<Incompatibility> incompatibilitiesFor(String pkg, Version version) {
        List<Incompatibility> result = new ArrayList<>();
        Map<String, VersionSet> deps = dependencies(pkg, version);
        List<Version> all = versions(pkg).orElse(List.of(version));
        int index = all.indexOf(version);
        for (var dep : deps.entrySet()) {
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
        return result;
    }

    private boolean sameDependency(String pkg, Version other, String dep, VersionSet set) {
        VersionSet theirs = dependencies(pkg, other).get(dep);
        return theirs != null && theirs.equals(set) && theirs.toString().equals(set.toString());
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

    /** Count the versions of a package a set allows. */
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
