package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hold the ordered assignments made so far, with per-package summaries and decision levels. */
final class PartialSolution {
    enum Relation { SATISFIED, CONTRADICTED, INCONCLUSIVE }

    /** Everything known about one package: its assignments and their intersection. */
    static final class PackageState {
        final List<Assignment> assignments = new ArrayList<>();
        Term accumulated;
        Version decision;
        int cachedCount = -1;
    }

    private final List<Assignment> assignments = new ArrayList<>();
    private final Map<String, PackageState> packages = new LinkedHashMap<>();
    private final Map<String, Version> decisions = new LinkedHashMap<>();
    private final Map<String, PackageState> undecided = new LinkedHashMap<>();
    private int level;

    int level() {
        return level;
    }

    Map<String, Version> decisions() {
        return decisions;
    }

    void decide(String pkg, Version version) {
        level++;
        add(new Term(pkg, VersionSet.exactly(version), true), null);
        decisions.put(pkg, version);
        packages.get(pkg).decision = version;
        undecided.remove(pkg);
    }

    void derive(Term term, Incompatibility cause) {
        add(term, cause);
    }

    private void add(Term term, Incompatibility cause) {
        Assignment a = new Assignment(term, level, assignments.size(), cause);
        assignments.add(a);
        PackageState state = packages.computeIfAbsent(term.pkg(), k -> new PackageState());
        state.assignments.add(a);
        state.accumulated = state.accumulated == null ? term : state.accumulated.intersect(term);
        state.cachedCount = -1;
        track(term.pkg(), state);
    }

    private void track(String pkg, PackageState state) {
        if (state.decision == null && state.accumulated.positive()) {
            undecided.putIfAbsent(pkg, state);
        } else {
            undecided.remove(pkg);
        }
    }

    /** Remove every assignment made after the given decision level. */
    void backtrack(int target) {
        java.util.Set<String> affected = new java.util.HashSet<>();
        while (!assignments.isEmpty() && assignments.getLast().level() > target) {
            Assignment removed = assignments.removeLast();
            String pkg = removed.term().pkg();
            PackageState state = packages.get(pkg);
            state.assignments.removeLast();
            affected.add(pkg);
            if (removed.isDecision()) {
                decisions.remove(pkg);
                state.decision = null;
            }
        }
        undecided.keySet().removeAll(affected);
        List<String> reordered = new ArrayList<>(affected);
        reordered.sort(java.util.Comparator.comparingInt(pkg -> packages.get(pkg).assignments.isEmpty()
                ? Integer.MAX_VALUE : packages.get(pkg).assignments.getFirst().index()));
        for (String pkg : reordered) {
            PackageState state = packages.get(pkg);
            if (state.assignments.isEmpty()) {
                packages.remove(pkg);
                continue;
            }
            Term acc = null;
            for (Assignment a : state.assignments) {
                acc = acc == null ? a.term() : acc.intersect(a.term());
            }
            state.accumulated = acc;
            state.cachedCount = -1;
            track(pkg, state);
        }
        level = target;
    }

    Relation relation(Term term) {
        PackageState state = packages.get(term.pkg());
        if (state == null) {
            return Relation.INCONCLUSIVE;
        }
        if (state.accumulated.satisfies(term)) {
            return Relation.SATISFIED;
        }
        return state.accumulated.disjoint(term) ? Relation.CONTRADICTED : Relation.INCONCLUSIVE;
    }

    boolean satisfies(Term term) {
        return relation(term) == Relation.SATISFIED;
    }

    /** Return the earliest assignment after which the assignments so far satisfy the term. */
    Assignment satisfier(Term term) {
        Term acc = null;
        for (Assignment a : packages.get(term.pkg()).assignments) {
            acc = acc == null ? a.term() : acc.intersect(a.term());
            if (acc.satisfies(term)) {
                return a;
            }
        }
        throw new IllegalStateException("no satisfier of " + term);
    }

    /** Return the packages required (positively) but not yet decided, earliest required first. */
    Map<String, PackageState> undecided() {
        return undecided;
    }
}
