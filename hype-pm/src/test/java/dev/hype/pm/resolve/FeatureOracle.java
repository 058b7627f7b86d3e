package dev.hype.pm.resolve;

import dev.hype.pm.features.FeatureEntry;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decide by exhaustive search whether a registry with features has a solution, and check a resolver's answer,
 * with the feature rules written out again here, independently of the resolver's code: given versions for the
 * packages, the active packages and features are the least set the project's requests force, every package
 * reached must have a version in every range asked of it, and every feature asked of a package must exist in its
 * version and name only what that version has.
 *
 * <p>The project takes part as a package named by the root, with its declared dependencies, dev dependencies
 * (always needed) and its features, which the selection enables.
 */
final class FeatureOracle {
    private final PackageSource source;
    private final String rootName;
    private final Version rootVersion;
    private final Dependencies root;
    private final FeatureSelection selection;

    FeatureOracle(PackageSource source, String rootName, Version rootVersion, Dependencies declared, Dependencies dev,
                  FeatureSelection selection) {
        this.source = source;
        this.rootName = rootName;
        this.rootVersion = rootVersion;
        Map<String, VersionSet> required = new TreeMap<>(declared.required());
        Map<String, FeatureRequest> requests = new TreeMap<>(declared.requests());
        dev.required().forEach((name, set) -> {
            required.merge(name, set, VersionSet::intersection);
            requests.merge(name, dev.request(name), FeatureRequest::union);
        });
        this.root = new Dependencies(required, declared.optional(), declared.features(), requests);
        this.selection = selection;
    }

    /** What the rules force for one assignment of versions. */
    record Outcome(boolean valid, Set<String> pending, Map<String, Version> active, Map<String, Set<String>> features,
                   String problem) {
    }

    /** Return whether some choice of versions satisfies every rule. */
    boolean solvable() {
        return search(new HashMap<>());
    }

    private boolean search(Map<String, Version> chosen) {
        Outcome outcome = evaluate(chosen);
        if (!outcome.valid()) {
            return false;
        }
        if (outcome.pending().isEmpty()) {
            return true;
        }
        String next = outcome.pending().iterator().next();
        for (Version v : source.versions(next).orElse(List.of())) {
            chosen.put(next, v);
            if (search(chosen)) {
                return true;
            }
            chosen.remove(next);
        }
        return false;
    }

    /**
     * Apply the rules to an assignment: the packages it reaches without a version are pending; a rule broken among
     * the others makes it invalid (and stays broken whatever is added, since the rules only ever ask for more).
     */
    Outcome evaluate(Map<String, Version> chosen) {
        return new Run(chosen).run();
    }

    private final class Run {
        private final Map<String, Version> chosen;
        private final Set<String> pending = new TreeSet<>();
        private final Map<String, Version> active = new TreeMap<>();
        private final Map<String, Set<String>> features = new TreeMap<>();
        private final Map<String, Set<String>> optionalOn = new HashMap<>();
        private final Set<List<String>> weak = new HashSet<>();
        private final Map<String, Set<String>> wanted = new HashMap<>();
        private final Set<List<String>> fired = new HashSet<>();
        private final Deque<Runnable> work = new ArrayDeque<>();
        private String problem;

        Run(Map<String, Version> chosen) {
            this.chosen = chosen;
        }

        Outcome run() {
            work.add(() -> {
                root.required().forEach((dep, set) -> require(dep, set, root.request(dep)));
                for (String f : selection.features()) {
                    request(rootName, f);
                }
                if (selection.defaultFeatures()) {
                    enable(rootName, "default");
                }
                if (selection.allFeatures()) {
                    root.features().keySet().forEach(f -> enable(rootName, f));
                    implied(root).forEach(f -> enable(rootName, f));
                }
            });
            boolean grew = true;
            while (grew && problem == null) {
                while (!work.isEmpty() && problem == null) {
                    work.poll().run();
                }
                grew = false;
                for (List<String> w : List.copyOf(weak)) {
                    if (optionalOn.getOrDefault(w.get(0), Set.of()).contains(w.get(1)) && fired.add(w)) {
                        work.add(() -> enable(w.get(1), w.get(2)));
                        grew = true;
                    }
                }
            }
            return new Outcome(problem == null, pending, active, features, problem);
        }

        private Dependencies deps(String pkg) {
            return pkg.equals(rootName) ? root : source.dependencies(pkg, active.get(pkg));
        }

        /** A {@code --features} entry: a feature of the project, or {@code dep/feature}. */
        private void request(String pkg, String text) {
            FeatureEntry entry = FeatureEntry.parse(text).orElseThrow();
            if (entry instanceof FeatureEntry.Feature f) {
                enable(pkg, f.name());
            } else {
                apply(pkg, entry);
            }
        }

        private void require(String pkg, VersionSet range, FeatureRequest request) {
            Version version = chosen.get(pkg);
            if (version == null) {
                pending.add(pkg);
                return;
            }
            if (!range.contains(version)) {
                problem = pkg + " " + version + " is outside " + range;
                return;
            }
            if (active.put(pkg, version) == null) {
                Dependencies deps = deps(pkg);
                deps.required().forEach((dep, set) -> work.add(() -> require(dep, set, deps.request(dep))));
                for (String f : List.copyOf(wanted.getOrDefault(pkg, Set.of()))) {
                    work.add(() -> enable(pkg, f));
                }
            }
            request.features().forEach(f -> work.add(() -> enable(pkg, f)));
            if (request.defaultFeatures()) {
                work.add(() -> enable(pkg, "default"));
            }
        }

        private void enable(String pkg, String feature) {
            if (!active.containsKey(pkg) && !pkg.equals(rootName)) {
                wanted.computeIfAbsent(pkg, k -> new TreeSet<>()).add(feature);
                return;
            }
            Dependencies deps = deps(pkg);
            Set<String> implied = implied(deps);
            boolean declared = deps.features().containsKey(feature);
            if (!feature.equals("default") && !declared && !implied.contains(feature)) {
                problem = pkg + " has no feature " + feature;
                return;
            }
            if (!feature.equals("default") || declared) {
                if (!features.computeIfAbsent(pkg, k -> new TreeSet<>()).add(feature)) {
                    return;
                }
            }
            for (String text : deps.features().getOrDefault(feature, List.of())) {
                Optional<FeatureEntry> entry = FeatureEntry.parse(text);
                if (entry.isEmpty()) {
                    problem = pkg + " feature " + feature + " has a malformed entry " + text;
                    return;
                }
                apply(pkg, entry.get());
            }
            if (implied.contains(feature)) {
                turnOn(pkg, feature);
            }
        }

        private void apply(String pkg, FeatureEntry entry) {
            Dependencies deps = deps(pkg);
            Set<String> implied = implied(deps);
            switch (entry) {
                case FeatureEntry.Feature f -> {
                    if (deps.features().containsKey(f.name()) || implied.contains(f.name()) || f.name().equals("default")) {
                        work.add(() -> enable(pkg, f.name()));
                    } else {
                        problem = pkg + ": " + f.name() + " is neither a feature nor an optional dependency";
                    }
                }
                case FeatureEntry.Dependency d -> {
                    if (deps.optional().containsKey(d.dependency())) {
                        turnOn(pkg, d.dependency());
                    } else {
                        problem = pkg + ": dep:" + d.dependency() + " is not optional";
                    }
                }
                case FeatureEntry.DependencyFeature df -> {
                    String dep = df.dependency();
                    boolean optional = deps.optional().containsKey(dep);
                    if (!optional && !deps.required().containsKey(dep)) {
                        problem = pkg + ": " + dep + " is not a dependency";
                    } else if (df.weak() && !optional) {
                        problem = pkg + ": " + dep + "? on a required dependency";
                    } else if (df.weak()) {
                        weak.add(List.of(pkg, dep, df.feature()));
                    } else {
                        if (optional && implied.contains(dep)) {
                            work.add(() -> enable(pkg, dep));
                        } else if (optional) {
                            turnOn(pkg, dep);
                        }
                        work.add(() -> enable(dep, df.feature()));
                    }
                }
            }
        }

        private void turnOn(String pkg, String dep) {
            if (optionalOn.computeIfAbsent(pkg, k -> new HashSet<>()).add(dep)) {
                Dependencies deps = deps(pkg);
                work.add(() -> require(dep, deps.optional().get(dep), deps.request(dep)));
            }
        }
    }

    /** Return the features the optional dependencies imply: those no entry names as dep:name. */
    static Set<String> implied(Dependencies deps) {
        Set<String> implied = new TreeSet<>(deps.optional().keySet());
        for (List<String> entries : deps.features().values()) {
            for (String e : entries) {
                if (e.startsWith("dep:")) {
                    implied.remove(e.substring(4));
                }
            }
        }
        return implied;
    }
}
