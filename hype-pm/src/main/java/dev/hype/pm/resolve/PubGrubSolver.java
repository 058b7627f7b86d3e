package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Run PubGrub once: unit propagation, conflict resolution with learning, and decision making.
 *
 * <p>Decisions pick the undecided package with the fewest allowed versions (a locked one counts as one),
 * ties going to the package required earliest (as pub does), and its locked version if allowed, else its
 * newest release, else its newest prerelease. Every choice is deterministic.
 */
final class PubGrubSolver {
    private final RootRequirements root;
    private final PackageLister lister;
    private final PartialSolution solution = new PartialSolution();
    private final Map<String, List<Incompatibility>> incompatibilities = new HashMap<>();

    PubGrubSolver(RootRequirements root, PackageSource source) {
        this.root = root;
        this.lister = new PackageLister(source, root);
    }

    Resolution solve() {
        addIncompatibility(Incompatibility.of(List.of(new Term(root.name(), VersionSet.any(), false)),
                new Cause.Root(), root.name()));
        String next = root.name();
        while (next != null) {
            propagate(next);
            next = choosePackageVersion();
        }
        return FeatureActivation.of(root, solution.decisions(), lister);
    }

    private void addIncompatibility(Incompatibility incompatibility) {
        for (Term term : incompatibility.terms) {
            incompatibilities.computeIfAbsent(term.pkg(), k -> new ArrayList<>()).add(incompatibility);
        }
    }

    private void propagate(String pkg) {
        java.util.SequencedSet<String> changed = new java.util.LinkedHashSet<>();
        changed.add(pkg);
        while (!changed.isEmpty()) {
            String current = changed.removeFirst();
            List<Incompatibility> list = incompatibilities.getOrDefault(current, List.of());
            for (int i = list.size() - 1; i >= 0; i--) {
                Incompatibility incompatibility = list.get(i);
                Propagation result = propagate(incompatibility);
                if (result == Propagation.CONFLICT) {
                    Incompatibility rootCause = resolveConflict(incompatibility);
                    changed.clear();
                    Propagation after = propagate(rootCause);
                    if (after instanceof Propagation.Derived d) {
                        changed.add(d.pkg());
                    }
                    break;
                } else if (result instanceof Propagation.Derived d) {
                    changed.add(d.pkg());
                }
            }
        }
    }

    /** Outcome of checking one incompatibility against the partial solution. */
    private sealed interface Propagation {
        Propagation NONE = new None();
        Propagation CONFLICT = new Conflicting();

        record None() implements Propagation {
        }

        record Conflicting() implements Propagation {
        }

        record Derived(String pkg) implements Propagation {
        }
    }

    private Propagation propagate(Incompatibility incompatibility) {
        Term unsatisfied = null;
        for (Term term : incompatibility.terms) {
            PartialSolution.Relation relation = solution.relation(term);
            if (relation == PartialSolution.Relation.CONTRADICTED) {
                return Propagation.NONE;
            } else if (relation == PartialSolution.Relation.INCONCLUSIVE) {
                if (unsatisfied != null) {
                    return Propagation.NONE;
                }
                unsatisfied = term;
            }
        }
        if (unsatisfied == null) {
            return Propagation.CONFLICT;
        }
        solution.derive(unsatisfied.inverse(), incompatibility);
        return new Propagation.Derived(unsatisfied.pkg());
    }

    private Incompatibility resolveConflict(Incompatibility start) {
        Incompatibility incompatibility = start;
        boolean learned = false;
        while (!incompatibility.isFailure(root.name())) {
            Term mostRecentTerm = null;
            Assignment mostRecentSatisfier = null;
            Term difference = null;
            int previousLevel = 1;
            for (Term term : incompatibility.terms) {
                Assignment satisfier = solution.satisfier(term);
                if (mostRecentSatisfier == null || mostRecentSatisfier.index() < satisfier.index()) {
                    if (mostRecentSatisfier != null) {
                        previousLevel = Math.max(previousLevel, mostRecentSatisfier.level());
                    }
                    mostRecentTerm = term;
                    mostRecentSatisfier = satisfier;
                    difference = null;
                } else {
                    previousLevel = Math.max(previousLevel, satisfier.level());
                }
                if (mostRecentTerm == term) {
                    difference = mostRecentSatisfier.term().difference(mostRecentTerm);
                    if (difference != null) {
                        previousLevel = Math.max(previousLevel, solution.satisfier(difference.inverse()).level());
                    }
                }
            }
            if (previousLevel < mostRecentSatisfier.level() || mostRecentSatisfier.isDecision()) {
                solution.backtrack(previousLevel);
                if (learned) {
                    addIncompatibility(incompatibility);
                }
                return incompatibility;
            }
            List<Term> terms = new ArrayList<>();
            for (Term t : incompatibility.terms) {
                if (t != mostRecentTerm) {
                    terms.add(t);
                }
            }
            for (Term t : mostRecentSatisfier.cause().terms) {
                if (!t.pkg().equals(mostRecentSatisfier.term().pkg())) {
                    terms.add(t);
                }
            }
            if (difference != null) {
                terms.add(difference.inverse());
            }
            incompatibility = Incompatibility.of(terms,
                    new Cause.Conflict(incompatibility, mostRecentSatisfier.cause()), root.name());
            learned = true;
        }
        throw new ResolutionException(new FailureReport(incompatibility, root.name()).write(), hints(incompatibility));
    }

    /**
     * Return the hints that fit the failure: a package that does not exist is a misspelt name or the wrong registry,
     * not a range to loosen; ranges that match no version, or that conflict, are.
     */
    static List<String> hints(Incompatibility failure) {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        boolean noVersions = false;
        java.util.Deque<Incompatibility> pending = new java.util.ArrayDeque<>(List.of(failure));
        java.util.Set<Incompatibility> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Incompatibility next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (next.cause instanceof Cause.NotFound) {
                missing.add(next.terms.getFirst().pkg());
            } else if (next.cause instanceof Cause.NoVersions) {
                noVersions = true;
            } else if (next.cause instanceof Cause.Conflict conflict) {
                pending.push(conflict.conflict());
                pending.push(conflict.other());
            }
        }
        List<String> hints = new ArrayList<>();
        if (!missing.isEmpty()) {
            hints.add("check the name" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + ": the registry has no such package ('hype pkg search WORD' lists the ones it has)");
        }
        if (missing.isEmpty() || noVersions) {
            hints.add("loosen the version ranges named above, or publish versions that satisfy them");
        }
        return hints;
    }

    private String choosePackageVersion() {
        String best = null;
        Term bestTerm = null;
        int bestCount = Integer.MAX_VALUE;
        for (var entry : solution.undecided().entrySet()) {
            String pkg = entry.getKey();
            PartialSolution.PackageState state = entry.getValue();
            if (state.cachedCount < 0) {
                Version locked = lister.locked(pkg);
                state.cachedCount = locked != null && state.accumulated.set().contains(locked)
                        && lister.versions(pkg).map(l -> l.contains(locked)).orElse(false)
                        ? 1 : lister.count(pkg, state.accumulated.set());
            }
            int count = state.cachedCount;
            Version withPackage = packageVersion(pkg);
            if (withPackage != null && state.accumulated.set().contains(withPackage)
                    && lister.versions(pkg).map(l -> l.contains(withPackage)).orElse(false)) {
                count = 0;
            }
            if (count < bestCount) {
                best = pkg;
                bestTerm = state.accumulated;
                bestCount = count;
            }
        }
        if (best == null) {
            return null;
        }
        var versions = lister.versions(best);
        if (versions.isEmpty()) {
            addIncompatibility(Incompatibility.of(List.of(new Term(best, bestTerm.set(), true)),
                    new Cause.NotFound("no package named \"" + FeatureNode.base(best) + "\" in the source"), root.name()));
            return best;
        }
        Version version = bestVersion(best, bestTerm.set(), versions.get());
        if (version == null) {
            String pkg = FeatureNode.base(best);
            boolean packageMatches = !pkg.equals(best) && lister.count(pkg, bestTerm.set()) > 0;
            addIncompatibility(Incompatibility.of(List.of(new Term(best, bestTerm.set(), true)),
                    packageMatches ? new Cause.NoFeature() : new Cause.NoVersions(), root.name()));
            return best;
        }
        boolean conflict = false;
        for (Incompatibility incompatibility : lister.incompatibilitiesFor(best, version)) {
            addIncompatibility(incompatibility);
            final String pkg = best;
            conflict |= incompatibility.terms.stream().allMatch(t -> t.pkg().equals(pkg) || solution.satisfies(t));
        }
        if (!conflict) {
            solution.decide(best, version);
        }
        return best;
    }

    /**
     * Return the version a feature node must take when its package is decided already, else {@code null}. Such a
     * node is decided next, at its package's version: trying its other versions one by one could only fail, each
     * depending on the package at exactly that version.
     */
    private Version packageVersion(String node) {
        String pkg = FeatureNode.base(node);
        return pkg.equals(node) ? null : solution.decisions().get(pkg);
    }

    private Version bestVersion(String pkg, VersionSet allowed, List<Version> versions) {
        Version withPackage = packageVersion(pkg);
        if (withPackage != null && allowed.contains(withPackage) && versions.contains(withPackage)) {
            return withPackage;
        }
        Version locked = lister.locked(pkg);
        if (locked != null && allowed.contains(locked) && versions.contains(locked)) {
            return locked;
        }
        Version newestPrerelease = null;
        for (int i = versions.size() - 1; i >= 0; i--) {
            Version v = versions.get(i);
            if (allowed.contains(v)) {
                if (!v.isPrerelease()) {
                    return v;
                }
                if (newestPrerelease == null) {
                    newestPrerelease = v;
                }
            }
        }
        return newestPrerelease;
    }
}
