package dev.hype.pm.ops;

import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.Resolution;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.PackageRef;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Hold the packages an install wants: a version, dependency edges and a tarball reference for each.
 *
 * @param refs every chosen package's tarball reference, by name
 * @param edges every chosen package's dependencies, by name
 * @param features every chosen package's enabled features, each with what enabled it, by name
 */
record Selection(Map<String, PackageRef> refs, Map<String, List<String>> edges,
                 Map<String, Map<String, List<String>>> features) {
    Selection {
        refs = Collections.unmodifiableMap(new TreeMap<>(refs));
        edges = Collections.unmodifiableMap(new TreeMap<>(edges));
        features = Collections.unmodifiableMap(new TreeMap<>(features));
    }

    /** Take the packages from the lockfile when it satisfies {@code root}, else resolve against the sources. */
    static Selection choose(RootRequirements root, Lockfile previous, PackageSources sources) {
        if (previous != null && previous.mismatches(root).isEmpty() && complete(previous)) {
            return fromLockfile(root, previous);
        }
        // every packument the resolver will ask for first is requested at once, not one round trip after another
        Set<String> known = new LinkedHashSet<>(root.dependencies().keySet());
        if (previous != null) {
            known.addAll(previous.packages().keySet());
        }
        sources.packages().prefetch(known);
        Resolution resolution = DependencyResolver.pubGrub().resolve(root, sources.packages());
        Map<String, PackageRef> refs = new TreeMap<>();
        resolution.versions().forEach((name, version) -> {
            LockedPackage locked = previous == null ? null : previous.packages().get(name);
            refs.put(name, locked != null && locked.version().equals(version) ? ref(locked)
                    : sources.dists().locate(name, version));
        });
        return new Selection(refs, resolution.dependencies(), resolution.features());
    }

    private static Selection fromLockfile(RootRequirements root, Lockfile lock) {
        Map<String, List<String>> edges = new TreeMap<>();
        lock.packages().forEach((name, p) -> edges.put(name, List.copyOf(p.dependencies().keySet())));
        Map<String, PackageRef> refs = new TreeMap<>();
        for (String name : reachable(root.dependencies().keySet(), edges)) {
            refs.put(name, ref(lock.packages().get(name)));
        }
        edges.keySet().retainAll(refs.keySet());
        Map<String, Map<String, List<String>>> features = new TreeMap<>();
        refs.keySet().forEach(name -> features.put(name, lock.packages().get(name).features()));
        return new Selection(refs, edges, features);
    }

    static boolean complete(Lockfile lock) {
        for (LockedPackage p : lock.packages().values()) {
            for (var edge : p.dependencies().entrySet()) {
                LockedPackage target = lock.packages().get(edge.getKey());
                if (target == null || !target.version().equals(edge.getValue())) {
                    return false;
                }
            }
        }
        return true;
    }

    static PackageRef ref(LockedPackage locked) {
        return new PackageRef(locked.name(), locked.version(), Integrity.parse(locked.integrity()),
                URI.create(locked.resolved()));
    }

    /** Return the versions chosen, by name. */
    Map<String, Version> versions() {
        Map<String, Version> versions = new TreeMap<>();
        refs.forEach((name, ref) -> versions.put(name, ref.version()));
        return versions;
    }

    /** Return the packages reachable from {@code roots} along {@code edges}, roots included. */
    static Set<String> reachable(Collection<String> roots, Map<String, List<String>> edges) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            String name = pending.poll();
            if (seen.add(name)) {
                pending.addAll(edges.getOrDefault(name, List.of()));
            }
        }
        return seen;
    }
}
