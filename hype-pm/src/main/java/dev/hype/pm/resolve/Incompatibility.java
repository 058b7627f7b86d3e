package dev.hype.pm.resolve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** State a set of terms that must not all be true at once, with the cause that makes it so. */
final class Incompatibility {
    final List<Term> terms;
    final Cause cause;

    private Incompatibility(List<Term> terms, Cause cause) {
        this.terms = List.copyOf(terms);
        this.cause = cause;
    }

    /** Create an incompatibility, dropping the root's positive term from derived ones and merging terms per package. */
    static Incompatibility of(List<Term> terms, Cause cause, String root) {
        List<Term> kept = terms;
        if (terms.size() != 1 && cause instanceof Cause.Conflict
                && terms.stream().anyMatch(t -> t.positive() && t.pkg().equals(root))) {
            kept = terms.stream().filter(t -> !t.positive() || !t.pkg().equals(root)).toList();
        }
        if (kept.size() == 1 || (kept.size() == 2 && !kept.get(0).pkg().equals(kept.get(1).pkg()))) {
            return new Incompatibility(kept, cause);
        }
        Map<String, Term> byName = new LinkedHashMap<>();
        for (Term t : kept) {
            byName.merge(t.pkg(), t, Term::intersect);
        }
        return new Incompatibility(new ArrayList<>(byName.values()), cause);
    }

    /** Return whether this incompatibility proves there is no solution. */
    boolean isFailure(String root) {
        return terms.isEmpty() || (terms.size() == 1 && terms.getFirst().positive() && terms.getFirst().pkg().equals(root));
    }

    @Override
    public String toString() {
        return terms + " (" + cause.getClass().getSimpleName() + ")";
    }
}
