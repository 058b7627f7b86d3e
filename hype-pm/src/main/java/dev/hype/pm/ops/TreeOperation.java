package dev.hype.pm.ops;

import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.semver.Version;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Build a project's dependency tree from its lockfile's edges, or the paths that explain one package. */
public final class TreeOperation {
    /** Code of a package name the lockfile does not hold. */
    public static final String NOT_INSTALLED = "E_PACKAGE_NOT_INSTALLED";

    private TreeOperation() {
    }

    /** Build the tree or the paths {@code options} ask for. */
    public static TreeResult run(TreeOptions options) {
        Path dir = options.projectDirectory().toAbsolutePath().normalize();
        Lockfile lock = ListOperation.readLockfile(dir);
        Manifest manifest = Manifest.read(dir);
        if (options.invert() != null) {
            requireInstalled(lock, options.invert());
            return new TreeResult(null, paths(manifest, lock, options.invert()));
        }
        Set<String> shown = new HashSet<>();
        if (options.start() != null) {
            requireInstalled(lock, options.start());
            LockedPackage start = lock.packages().get(options.start());
            return new TreeResult(expand(lock, start.name(), start.version(), start.dependencies().keySet(),
                    start.features(), options.depth(), shown), List.of());
        }
        return new TreeResult(expand(lock, manifest.name(), manifest.version(), lock.root().keySet(),
                rootFeatures(lock), options.depth(), shown), List.of());
    }

    /** Return the project's features as the lockfile records them, with no enablers (its command line chose them). */
    private static Map<String, List<String>> rootFeatures(Lockfile lock) {
        Map<String, List<String>> features = new java.util.TreeMap<>();
        if (lock.rootFeatures() != null) {
            lock.rootFeatures().forEach(f -> features.put(f, List.of()));
        }
        return features;
    }

    private static void requireInstalled(Lockfile lock, String name) {
        if (!lock.packages().containsKey(name)) {
            throw new OperationException(NOT_INSTALLED, name + " is not installed in this project",
                    List.of("'hype pkg list' shows what is installed"));
        }
    }

    /** Return a node for {@code name} whose children are {@code dependencies}, each shown in full only once. */
    private static TreeResult.Node expand(Lockfile lock, String name, Version version, Iterable<String> dependencies,
                                          Map<String, List<String>> features, int depth, Set<String> shown) {
        List<TreeResult.Node> children = new ArrayList<>();
        if (depth != 0) {
            for (String child : sorted(dependencies)) {
                LockedPackage p = lock.packages().get(child);
                if (p == null) {
                    continue;
                }
                if (!shown.add(child)) {
                    children.add(new TreeResult.Node(child, p.version(), true, List.of(), p.features()));
                } else {
                    children.add(expand(lock, child, p.version(), p.dependencies().keySet(), p.features(), depth - 1,
                            shown));
                }
            }
        }
        return new TreeResult.Node(name, version, false, children, features);
    }

    private static List<String> sorted(Iterable<String> names) {
        List<String> list = new ArrayList<>();
        names.forEach(list::add);
        list.sort(null);
        return list;
    }

    /** Return every path without repeats from the project through its dependencies to {@code target}. */
    private static List<List<TreeResult.Node>> paths(Manifest manifest, Lockfile lock, String target) {
        List<List<TreeResult.Node>> found = new ArrayList<>();
        List<TreeResult.Node> path = new ArrayList<>();
        path.add(new TreeResult.Node(manifest.name(), manifest.version(), false, List.of(), rootFeatures(lock)));
        walk(lock, sorted(lock.root().keySet()), target, path, new HashSet<>(), found);
        return found;
    }

    private static void walk(Lockfile lock, List<String> next, String target, List<TreeResult.Node> path,
                             Set<String> onPath, List<List<TreeResult.Node>> found) {
        Map<String, LockedPackage> packages = lock.packages();
        for (String name : next) {
            LockedPackage p = packages.get(name);
            if (p == null || !onPath.add(name)) {
                continue;
            }
            path.add(new TreeResult.Node(name, p.version(), false, List.of(), p.features()));
            if (name.equals(target)) {
                found.add(List.copyOf(path));
            } else {
                walk(lock, sorted(p.dependencies().keySet()), target, path, onPath, found);
            }
            path.removeLast();
            onPath.remove(name);
        }
    }
}
