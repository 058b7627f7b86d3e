package dev.hype.pm.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Represent an npm version range with node-semver's exact meaning, plus the Lyra {@code MIN..MAX} form.
 *
 * <p>A range is a union ({@code ||}) of comparator sets; a version matches a set when it satisfies
 * every comparator and, unless {@link RangeOptions#includePrerelease()}, either is not a prerelease
 * or shares {@code major.minor.patch} with a prerelease comparator of that set.
 */
public final class Range {
    private final String raw;
    private final RangeOptions options;
    private final List<List<Comparator>> sets;
    private VersionSet versionSet;

    private Range(String raw, RangeOptions options, List<List<Comparator>> sets) {
        this.raw = raw;
        this.options = options;
        this.sets = sets;
    }

    /** Parse a range strictly, with node-semver's prerelease rule. */
    public static Range parse(String text) {
        return parse(text, RangeOptions.DEFAULT);
    }

    /** Parse a range with the given options; throw {@link SemverException} E_INVALID_RANGE if invalid. */
    public static Range parse(String text, RangeOptions options) {
        if (text == null) {
            throw SemverException.invalidRange("null");
        }
        List<Comparator> simple = RangeShortcut.read(text, options);
        return simple != null ? new Range(text, options, List.of(simple)) : parseFully(text, options);
    }

    /** Parse with node-semver's every step, whatever the text; {@link #parse} reads the commonest shapes faster. */
    static Range parseFully(String text, RangeOptions options) {
        String raw = SemverGrammar.SPACES.matcher(SemverGrammar.jsTrim(text)).replaceAll(" ");
        RangeParser parser = new RangeParser(options);
        List<List<Comparator>> sets = new ArrayList<>();
        try {
            for (String piece : raw.split("\\|\\|", -1)) {
                parser.parseSet(SemverGrammar.jsTrim(piece)).filter(s -> !s.isEmpty()).ifPresent(sets::add);
            }
        } catch (SemverException e) {
            throw SemverException.invalidRange(text);
        }
        if (sets.isEmpty()) {
            throw SemverException.invalidRange(text);
        }
        return new Range(raw, options, simplify(sets));
    }

    /** Parse a range, or return empty when node-semver would reject it. */
    public static Optional<Range> tryParse(String text, RangeOptions options) {
        try {
            return Optional.of(parse(text, options));
        } catch (SemverException e) {
            return Optional.empty();
        }
    }

    /** Drop null sets when others exist, and collapse to {@code *} when one set is {@code *}. */
    private static List<List<Comparator>> simplify(List<List<Comparator>> sets) {
        if (sets.size() == 1) {
            return List.copyOf(sets);
        }
        List<List<Comparator>> kept = sets.stream().filter(s -> !isNullSet(s.getFirst())).toList();
        if (kept.isEmpty()) {
            return List.of(sets.getFirst());
        }
        for (List<Comparator> set : kept) {
            if (set.size() == 1 && set.getFirst().isAny()) {
                return List.of(set);
            }
        }
        return kept;
    }

    static boolean isNullSet(Comparator c) {
        return c.toString().equals("<0.0.0-0");
    }

    /** Return whether the version satisfies this range, applying the prerelease rule. */
    public boolean test(Version version) {
        for (List<Comparator> set : sets) {
            if (testSet(set, version)) {
                return true;
            }
        }
        return false;
    }

    /** Parse the version with this range's looseness and test it; an invalid version never matches. */
    public boolean test(String version) {
        return Version.tryParse(version, options.loose()).map(this::test).orElse(false);
    }

    private boolean testSet(List<Comparator> set, Version version) {
        for (Comparator c : set) {
            if (!c.test(version)) {
                return false;
            }
        }
        if (!version.isPrerelease() || options.includePrerelease()) {
            return true;
        }
        for (Comparator c : set) {
            if (!c.isAny() && c.version().isPrerelease() && c.version().sameRelease(version)) {
                return true;
            }
        }
        return false;
    }

    /** Return the versions that satisfy this range, lowest first (what node-semver's CLI prints for {@code -r}). */
    public List<Version> satisfying(java.util.Collection<Version> versions) {
        return versions.stream().filter(this::test).sorted().toList();
    }

    /** Return the highest version that satisfies this range, if any. */
    public Optional<Version> maxSatisfying(java.util.Collection<Version> versions) {
        return versions.stream().filter(this::test).max(java.util.Comparator.naturalOrder());
    }

    /** Convert to the exact set of versions this range matches; see {@link VersionSet} for the encoding. */
    public VersionSet toVersionSet() {
        if (versionSet == null) {
            VersionSet union = VersionSet.none();
            for (List<Comparator> set : sets) {
                VersionSet interval = VersionSet.any();
                VersionSet allowed = VersionSet.releases();
                for (Comparator c : set) {
                    interval = interval.intersection(c.toVersionSet());
                    if (!c.isAny() && c.version().isPrerelease()) {
                        allowed = allowed.union(VersionSet.prereleasesOf(c.version()));
                    }
                }
                union = union.union(options.includePrerelease() ? interval : interval.intersection(allowed));
            }
            versionSet = union.withLabel(raw.isEmpty() || raw.equals("*") ? "any" : raw);
        }
        return versionSet;
    }

    /** Return the comparator sets after desugaring, outer list joined by {@code ||}. */
    public List<List<Comparator>> comparatorSets() {
        return sets;
    }

    /** Return the range text as given, with whitespace runs collapsed. */
    public String raw() {
        return raw;
    }

    /** Return the options this range was parsed with. */
    public RangeOptions options() {
        return options;
    }

    /** Return node-semver's normalised rendering, such as {@code >=1.2.3 <2.0.0-0}. */
    @Override
    public String toString() {
        return sets.stream()
                .map(set -> set.stream().map(c -> c.toString().strip()).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("||"));
    }
}
