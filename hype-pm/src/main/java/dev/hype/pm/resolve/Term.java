package dev.hype.pm.resolve;

import dev.hype.pm.semver.VersionSet;

/**
 * State a fact about one package: it is selected at a version in {@code set} (positive), or it is not
 * selected at any version in {@code set} (negative, which also allows the package to be absent).
 */
record Term(String pkg, VersionSet set, boolean positive) {
    Term inverse() {
        return new Term(pkg, set, !positive);
    }

    /** Return whether every assignment that satisfies this term also satisfies the other. */
    boolean satisfies(Term other) {
        if (positive && other.positive) {
            return set.isSubsetOf(other.set);
        } else if (positive) {
            return !set.intersects(other.set);
        } else if (other.positive) {
            return false;
        }
        return other.set.isSubsetOf(set);
    }

    /** Return whether no assignment satisfies both terms. */
    boolean disjoint(Term other) {
        if (positive && other.positive) {
            return !set.intersects(other.set);
        } else if (positive) {
            return set.isSubsetOf(other.set);
        } else if (other.positive) {
            return other.set.isSubsetOf(set);
        }
        return false;
    }

    Term intersect(Term other) {
        if (positive && other.positive) {
            return new Term(pkg, set.intersection(other.set), true);
        } else if (positive) {
            return new Term(pkg, set.difference(other.set), true);
        } else if (other.positive) {
            return new Term(pkg, other.set.difference(set), true);
        }
        return new Term(pkg, set.union(other.set), false);
    }

    /** Return this term minus the other, or {@code null} when nothing is left. */
    Term difference(Term other) {
        Term result = intersect(other.inverse());
        return result.positive && result.set.isEmpty() ? null : result;
    }

    @Override
    public String toString() {
        return (positive ? "" : "not ") + pkg + " " + set;
    }
}
