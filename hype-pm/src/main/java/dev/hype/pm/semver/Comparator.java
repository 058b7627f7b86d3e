package dev.hype.pm.semver;

/**
 * Represent one primitive comparator of a range: an operator and a version, or "any".
 *
 * @param operator one of {@code ""} (equal), {@code <}, {@code <=}, {@code >}, {@code >=}
 * @param version the version compared against; {@code null} only for {@link #ANY}
 */
public record Comparator(String operator, Version version) {
    /** The comparator every version satisfies, written as the empty string. */
    public static final Comparator ANY = new Comparator("", null);

    /** Return whether this is the comparator that matches everything. */
    public boolean isAny() {
        return version == null;
    }

    /** Return whether the version satisfies this comparator, ignoring the prerelease rule. */
    public boolean test(Version candidate) {
        if (version == null) {
            return true;
        }
        int c = candidate.compareTo(version);
        return switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> c == 0;
        };
    }

    /** Convert to the exact set of versions this comparator admits, ignoring the prerelease rule. */
    public VersionSet toVersionSet() {
        if (version == null) {
            return VersionSet.any();
        }
        return switch (operator) {
            case "<" -> VersionSet.below(version, false);
            case "<=" -> VersionSet.below(version, true);
            case ">" -> VersionSet.above(version, false);
            case ">=" -> VersionSet.above(version, true);
            default -> VersionSet.exactly(version);
        };
    }

    /** Return node-semver's rendering: operator then version, or the empty string for any. */
    @Override
    public String toString() {
        return version == null ? "" : operator + version;
    }
}
