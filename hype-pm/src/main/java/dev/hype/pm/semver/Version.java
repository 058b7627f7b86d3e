package dev.hype.pm.semver;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Represent a SemVer 2.0 version, ordered as node-semver orders versions.
 *
 * <p>Prerelease identifiers that are all digits compare numerically and sort before alphanumeric
 * ones; a version with a prerelease sorts before the same version without one; build metadata is
 * kept but ignored by {@link #compareTo} and {@link #equals}. Numeric prerelease identifiers are
 * stored in canonical form ({@code 01} in loose mode becomes {@code 1}), as node-semver does.
 *
 * @param major the major number
 * @param minor the minor number
 * @param patch the patch number
 * @param prerelease the dot-separated prerelease identifiers, empty for a release
 * @param build the build metadata identifiers, ignored in comparisons
 * @param label the text {@link #toString()} shows instead, or {@code null}; ignored in comparisons (a version
 *     standing for another scheme's, such as a LuaRocks {@code 1.14.0-3}, shows as that)
 */
public record Version(long major, long minor, long patch, List<String> prerelease, List<String> build, String label)
        implements Comparable<Version> {

    /** Create a version without a label. */
    public Version(long major, long minor, long patch, List<String> prerelease, List<String> build) {
        this(major, minor, patch, prerelease, build, null);
    }

    /** Copy the identifier lists; reject negative numbers and identifiers that are empty or not {@code [0-9A-Za-z-]}. */
    public Version {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("negative version number");
        }
        prerelease = List.copyOf(prerelease);
        build = List.copyOf(build);
        for (String id : prerelease) {
            checkIdentifier(id);
        }
        for (String id : build) {
            checkIdentifier(id);
        }
    }

    private static void checkIdentifier(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
                throw new IllegalArgumentException("invalid identifier \"" + id + "\"");
            }
        }
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty identifier");
        }
    }

    /** Create a release version without prerelease or build. */
    public static Version of(long major, long minor, long patch) {
        return new Version(major, minor, patch, List.of(), List.of());
    }

    /** Parse a strict SemVer 2.0 version, accepting a leading {@code v} and surrounding whitespace. */
    public static Version parse(String text) {
        return parse(text, false);
    }

    /** Parse a version; {@code loose} accepts node-semver's sloppy forms such as {@code =v01.2.3beta}. */
    public static Version parse(String text, boolean loose) {
        return tryParse(text, loose).orElseThrow(() -> SemverException.invalidVersion(text));
    }

    /** Parse a version, or return empty when node-semver would reject it. */
    public static Optional<Version> tryParse(String text, boolean loose) {
        if (text == null || text.length() > SemverGrammar.MAX_LENGTH) {
            return Optional.empty();
        }
        Version plain = plainRelease(text);
        if (plain != null) {
            return Optional.of(plain);
        }
        Matcher m = (loose ? SemverGrammar.LOOSE : SemverGrammar.FULL).matcher(SemverGrammar.jsTrim(text));
        if (!m.matches()) {
            return Optional.empty();
        }
        long major = number(m.group(1));
        long minor = number(m.group(2));
        long patch = number(m.group(3));
        if (major < 0 || minor < 0 || patch < 0) {
            return Optional.empty();
        }
        List<String> pre = m.group(4) == null ? List.of() : canonicalIdentifiers(m.group(4));
        List<String> build = m.group(5) == null ? List.of() : Arrays.asList(m.group(5).split("\\.", -1));
        return Optional.of(new Version(major, minor, patch, pre, build));
    }

    /**
     * Read the commonest form, {@code MAJOR.MINOR.PATCH} in digits without leading zeros, or return {@code null} for
     * anything else (which the grammar reads). Both grammars give the same version for it, and reading it by hand
     * spares commands that only read versions ({@code hype pkg list}, {@code info}) compiling the range grammar's
     * two dozen patterns at start-up.
     */
    private static Version plainRelease(String text) {
        long[] parts = new long[3];
        int part = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '.') {
                char c = text.charAt(i);
                if (c < '0' || c > '9' || i - start >= 15 || (i > start && text.charAt(start) == '0')) {
                    return null;
                }
                parts[part] = parts[part] * 10 + (c - '0');
                continue;
            }
            if (i == start || (i < text.length() && part == 2)) {
                return null;
            }
            part++;
            start = i + 1;
        }
        return part == 3 ? of(parts[0], parts[1], parts[2]) : null;
    }

    /** Return whether node-semver would accept the text as a version. */
    public static boolean isValid(String text, boolean loose) {
        return tryParse(text, loose).isPresent();
    }

    /** Coerce a string such as {@code v2}, {@code 1.2.3.4} or {@code release 42.6} into a version. */
    public static Optional<Version> coerce(String text) {
        return Coercion.coerce(text, false, false);
    }

    /** Coerce with node-semver's {@code includePrerelease} and {@code rtl} options. */
    public static Optional<Version> coerce(String text, boolean includePrerelease, boolean rightToLeft) {
        return Coercion.coerce(text, includePrerelease, rightToLeft);
    }

    /** Return the next version as node-semver's {@code inc} computes it, without build metadata. */
    public Version inc(ReleaseType release, String preid) {
        return Increment.apply(this, release, preid);
    }

    /** Return the same version, shown by {@link #toString()} as {@code text}. */
    public Version withLabel(String text) {
        return new Version(major, minor, patch, prerelease, build, text);
    }

    /** Return whether this version has prerelease identifiers. */
    public boolean isPrerelease() {
        return !prerelease.isEmpty();
    }

    /** Return this version without prerelease and build: its {@code major.minor.patch}. */
    public Version release() {
        return of(major, minor, patch);
    }

    /** Return the lowest prerelease of this version's {@code major.minor.patch}: {@code M.m.p-0}. */
    public Version lowestPrerelease() {
        return new Version(major, minor, patch, List.of("0"), List.of());
    }

    /** Return the version directly after this one in the total order (no version lies between). */
    Version successor() {
        if (prerelease.isEmpty()) {
            return new Version(major, minor, patch + 1, List.of("0"), List.of());
        }
        List<String> next = new ArrayList<>(prerelease);
        next.add("0");
        return new Version(major, minor, patch, next, List.of());
    }

    /** Return whether both versions share {@code major.minor.patch}. */
    public boolean sameRelease(Version other) {
        return major == other.major && minor == other.minor && patch == other.patch;
    }

    @Override
    public int compareTo(Version other) {
        int c = Long.compare(major, other.major);
        if (c == 0) {
            c = Long.compare(minor, other.minor);
        }
        if (c == 0) {
            c = Long.compare(patch, other.patch);
        }
        return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(major) * 961 + Long.hashCode(minor) * 31 + Long.hashCode(patch) + prerelease.hashCode();
    }

    /** Return the label if there is one, else {@code major.minor.patch[-prerelease]}, as node-semver's {@code version}. */
    @Override
    public String toString() {
        if (label != null) {
            return label;
        }
        String base = major + "." + minor + "." + patch;
        return prerelease.isEmpty() ? base : base + "-" + String.join(".", prerelease);
    }

    /** Return the version with its build metadata, if any. */
    public String toFullString() {
        return label != null || build.isEmpty() ? toString() : toString() + "+" + String.join(".", build);
    }

    private static int comparePrerelease(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Boolean.compare(a.isEmpty(), b.isEmpty());
        }
        for (int i = 0; ; i++) {
            if (i >= a.size() || i >= b.size()) {
                return Integer.compare(a.size(), b.size());
            }
            int c = compareIdentifiers(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
    }

    /** Compare two prerelease identifiers: numbers numerically, before any alphanumeric identifier. */
    static int compareIdentifiers(String a, String b) {
        boolean an = isNumeric(a);
        boolean bn = isNumeric(b);
        if (an && bn) {
            return compareNumbers(a, b);
        }
        if (an != bn) {
            return an ? -1 : 1;
        }
        return Integer.signum(a.compareTo(b));
    }

    /** Compare two strings of digits as numbers, of any length: without leading zeros, the longer is larger. */
    private static int compareNumbers(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() - 1 && a.charAt(i) == '0') {
            i++;
        }
        while (j < b.length() - 1 && b.charAt(j) == '0') {
            j++;
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        for (; c == 0 && i < a.length(); i++, j++) {
            c = Integer.compare(a.charAt(i), b.charAt(j));
        }
        return Integer.signum(c);
    }

    /** Return whether the identifier is all ASCII digits (read by hand: the grammar's patterns cost ms to compile). */
    static boolean isNumeric(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return false;
            }
        }
        return !id.isEmpty();
    }

    /** Return whether node-semver treats the identifier as a number (numeric and below 2^53-1). */
    static boolean isSafeNumber(String id) {
        return isNumeric(id) && new BigInteger(id).compareTo(BigInteger.valueOf(SemverGrammar.MAX_SAFE_INTEGER)) < 0;
    }

    private static List<String> canonicalIdentifiers(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : text.split("\\.", -1)) {
            ids.add(isSafeNumber(id) ? new BigInteger(id).toString() : id);
        }
        return ids;
    }

    /** Parse a version number; return -1 above node-semver's safe integer limit. */
    private static long number(String digits) {
        BigInteger value = new BigInteger(digits);
        return value.compareTo(BigInteger.valueOf(SemverGrammar.MAX_SAFE_INTEGER)) > 0 ? -1 : value.longValueExact();
    }
}
