package dev.hype.pm.semver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.IntBinaryOperator;

/**
 * Represent an exact, possibly infinite set of versions, closed under union, intersection and complement.
 *
 * <p><b>Encoding.</b> The versions form a total order. A set is a finite sorted list of boundary
 * versions {@code p1 < ... < pn}, cutting the order into {@code 2n+1} segments: the open interval
 * before {@code p1}, the point {@code p1}, the open interval {@code (p1, p2)}, and so on. Each segment
 * carries a two-bit mask: bit {@code RELEASE} admits the releases in the segment, bit {@code PRERELEASE}
 * admits the prereleases in it. A version belongs to the set when the mask of its segment has the bit of
 * its kind. Masks are kept restricted to what a segment can contain (for example the open interval
 * {@code (1.0.0, 1.0.1-0)} contains no version at all), which makes emptiness a check for all-zero masks.
 *
 * <p><b>The prerelease rule.</b> node-semver's rule — a prerelease matches a comparator set only if a
 * comparator of that set names a prerelease of the same {@code major.minor.patch} — is not an interval
 * condition, so the two bits exist to express it exactly: a comparator set converts to its interval
 * intersected with "every release, plus every prerelease of each such {@code major.minor.patch}", the
 * latter being the interval {@code [M.m.p-0, M.m.p)}. With {@code includePrerelease} the interval is
 * used as is. Union, intersection and complement act bitwise per segment, so every operation is exact.
 */
public final class VersionSet {
    static final int RELEASE = 1;
    static final int PRERELEASE = 2;
    private static final int BOTH = RELEASE | PRERELEASE;
    private static final Version ZERO = Version.of(0, 0, 0);
    private static final Version LOWEST = ZERO.lowestPrerelease();
    private static final VersionSet ANY = new VersionSet(new Version[0], new byte[] {BOTH}, null);
    private static final VersionSet NONE = new VersionSet(new Version[0], new byte[] {0}, null);

    private final Version[] points;
    private final byte[] masks;
    private final String label;

    private VersionSet(Version[] points, byte[] masks, String label) {
        this.points = points;
        this.masks = masks;
        this.label = label;
    }

    /** Return the set of every version, prereleases included. */
    public static VersionSet any() {
        return ANY;
    }

    /** Return the empty set. */
    public static VersionSet none() {
        return NONE;
    }

    /** Return the set holding exactly one version. */
    public static VersionSet exactly(Version v) {
        return of(new Version[] {v}, new int[] {0, kind(v), 0});
    }

    /** Return every version above {@code v} (and {@code v} itself when inclusive). */
    public static VersionSet above(Version v, boolean inclusive) {
        return of(new Version[] {v}, new int[] {0, inclusive ? BOTH : 0, BOTH});
    }

    /** Return every version below {@code v} (and {@code v} itself when inclusive). */
    public static VersionSet below(Version v, boolean inclusive) {
        return of(new Version[] {v}, new int[] {BOTH, inclusive ? BOTH : 0, 0});
    }

    /** Return every version from {@code min} inclusive to {@code max} exclusive. */
    public static VersionSet between(Version min, Version max) {
        return above(min, true).intersection(below(max, false));
    }

    /** Return every release (version without prerelease identifiers). */
    public static VersionSet releases() {
        return of(new Version[0], new int[] {RELEASE});
    }

    /** Return every prerelease of {@code v}'s {@code major.minor.patch}: the interval {@code [M.m.p-0, M.m.p)}. */
    public static VersionSet prereleasesOf(Version v) {
        return of(new Version[] {v.lowestPrerelease(), v.release()}, new int[] {0, PRERELEASE, PRERELEASE, 0, 0});
    }

    /** Return the same set, rendered by {@link #toString()} as the given text (for example the range it came from). */
    public VersionSet withLabel(String text) {
        return new VersionSet(points, masks, text);
    }

    /** Return whether the version belongs to this set. */
    public boolean contains(Version v) {
        int i = Arrays.binarySearch(points, v);
        int mask = i >= 0 ? masks[2 * i + 1] : masks[2 * (-i - 1)];
        return (mask & kind(v)) != 0;
    }

    /** Return whether the set holds no version. */
    public boolean isEmpty() {
        return points.length == 0 && masks[0] == 0;
    }

    /** Return whether the set holds every version. */
    public boolean isAny() {
        return points.length == 0 && masks[0] == BOTH;
    }

    /** Return the versions in this set or the other. */
    public VersionSet union(VersionSet other) {
        return combine(other, (a, b) -> a | b);
    }

    /** Return the versions in both sets. */
    public VersionSet intersection(VersionSet other) {
        return combine(other, (a, b) -> a & b);
    }

    /** Return the versions in this set but not the other. */
    public VersionSet difference(VersionSet other) {
        return combine(other, (a, b) -> a & ~b & BOTH);
    }

    /** Return every version not in this set. */
    public VersionSet complement() {
        int[] flipped = new int[masks.length];
        for (int i = 0; i < masks.length; i++) {
            flipped[i] = ~masks[i] & BOTH;
        }
        return of(points, flipped);
    }

    /** Return whether every version of this set is in the other. */
    public boolean isSubsetOf(VersionSet other) {
        return !anySegment(other, (a, b) -> a & ~b & BOTH);
    }

    /** Return whether some version is in both sets. */
    public boolean intersects(VersionSet other) {
        return anySegment(other, (a, b) -> a & b);
    }

    /** Walk the merged segments of both sets; return whether {@code op} leaves a version in any of them. */
    private boolean anySegment(VersionSet other, IntBinaryOperator op) {
        int ia = 0;
        int ib = 0;
        Version lo = null;
        while (ia < points.length || ib < other.points.length) {
            Version q;
            if (ia == points.length) {
                q = other.points[ib];
            } else if (ib == other.points.length) {
                q = points[ia];
            } else {
                q = points[ia].compareTo(other.points[ib]) <= 0 ? points[ia] : other.points[ib];
            }
            int openA = masks[2 * ia];
            int openB = other.masks[2 * ib];
            int open = op.applyAsInt(openA, openB);
            if (open != 0 && (open & content(lo, q)) != 0) {
                return true;
            }
            int pointA = openA;
            if (ia < points.length && points[ia].compareTo(q) == 0) {
                pointA = masks[2 * ia + 1];
                ia++;
            }
            int pointB = openB;
            if (ib < other.points.length && other.points[ib].compareTo(q) == 0) {
                pointB = other.masks[2 * ib + 1];
                ib++;
            }
            if ((op.applyAsInt(pointA, pointB) & kind(q)) != 0) {
                return true;
            }
            lo = q;
        }
        int last = op.applyAsInt(masks[2 * ia], other.masks[2 * ib]);
        return last != 0 && (last & content(lo, null)) != 0;
    }

    /** Return the boundary versions of the encoding, lowest first. */
    public List<Version> boundaries() {
        return List.of(points);
    }

    private VersionSet combine(VersionSet other, IntBinaryOperator op) {
        List<Version> merged = new ArrayList<>(points.length + other.points.length);
        int[] out = new int[2 * (points.length + other.points.length) + 1];
        int ia = 0;
        int ib = 0;
        int k = 0;
        while (ia < points.length || ib < other.points.length) {
            Version q;
            if (ia == points.length) {
                q = other.points[ib];
            } else if (ib == other.points.length) {
                q = points[ia];
            } else {
                q = points[ia].compareTo(other.points[ib]) <= 0 ? points[ia] : other.points[ib];
            }
            int openA = masks[2 * ia];
            int openB = other.masks[2 * ib];
            out[k++] = op.applyAsInt(openA, openB);
            int pointA = openA;
            if (ia < points.length && points[ia].compareTo(q) == 0) {
                pointA = masks[2 * ia + 1];
                ia++;
            }
            int pointB = openB;
            if (ib < other.points.length && other.points[ib].compareTo(q) == 0) {
                pointB = other.masks[2 * ib + 1];
                ib++;
            }
            out[k++] = op.applyAsInt(pointA, pointB);
            merged.add(q);
        }
        out[k++] = op.applyAsInt(masks[2 * ia], other.masks[2 * ib]);
        return of(merged.toArray(Version[]::new), Arrays.copyOf(out, k));
    }

    /** Build a set, restricting masks to what each segment holds and dropping boundaries that change nothing. */
    private static VersionSet of(Version[] pts, int[] raw) {
        Version[] keptPoints = new Version[pts.length];
        byte[] keptMasks = new byte[raw.length];
        int np = 0;
        int nm = 0;
        Version lo = null;
        int open = raw[0] & content(null, pts.length == 0 ? null : pts[0]);
        for (int i = 0; i < pts.length; i++) {
            Version p = pts[i];
            Version hi = i + 1 < pts.length ? pts[i + 1] : null;
            int point = raw[2 * i + 1] & kind(p);
            int right = raw[2 * i + 2] & content(p, hi);
            int merged = open | point | right;
            if ((merged & content(lo, p)) == open && (merged & kind(p)) == point
                    && (merged & content(p, hi)) == right) {
                open = merged & content(lo, hi);
            } else {
                keptMasks[nm++] = (byte) open;
                keptMasks[nm++] = (byte) point;
                keptPoints[np++] = p;
                lo = p;
                open = right;
            }
        }
        keptMasks[nm++] = (byte) open;
        if (np == 0) {
            return open == 0 ? NONE : open == BOTH ? ANY : new VersionSet(new Version[0], new byte[] {(byte) open}, null);
        }
        return new VersionSet(Arrays.copyOf(keptPoints, np), Arrays.copyOf(keptMasks, nm), null);
    }

    static int kind(Version v) {
        return v.isPrerelease() ? PRERELEASE : RELEASE;
    }

    /** Return which kinds of version the open interval {@code (lo, hi)} holds; {@code null} means unbounded. */
    static int content(Version lo, Version hi) {
        if (hi == null) {
            return BOTH;
        }
        if (lo == null || !lo.isPrerelease()) {
            long major = lo == null ? 0 : lo.major();
            long minor = lo == null ? 0 : lo.minor();
            long patch = lo == null ? 0 : lo.patch() + 1;
            int c = compareTuple(major, minor, patch, hi);
            int bits = 0;
            if (c < 0 || (c == 0 && !hi.isPrerelease())) {
                bits |= PRERELEASE;
            }
            if (c < 0) {
                bits |= RELEASE;
            }
            if (c == 0 && hi.isPrerelease() && !(hi.prerelease().size() == 1 && hi.prerelease().getFirst().equals("0"))) {
                bits |= PRERELEASE;
            }
            return bits;
        }
        Version firstRelease = lo == null ? ZERO : lo.isPrerelease() ? lo.release() : Version.of(lo.major(), lo.minor(), lo.patch() + 1);
        Version firstPrerelease = lo == null ? LOWEST : lo.successor();
        int bits = 0;
        if (hi == null || firstRelease.compareTo(hi) < 0) {
            bits |= RELEASE;
        }
        if (hi == null || firstPrerelease.compareTo(hi) < 0) {
            bits |= PRERELEASE;
        }
        return bits;
    }

    private static int compareTuple(long major, long minor, long patch, Version v) {
        int c = Long.compare(major, v.major());
        if (c == 0) {
            c = Long.compare(minor, v.minor());
        }
        return c != 0 ? c : Long.compare(patch, v.patch());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionSet s && Arrays.equals(points, s.points) && Arrays.equals(masks, s.masks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(points), Arrays.hashCode(masks));
    }

    /** Return the label if one was given, else the set as comparator ranges joined by {@code ||}. */
    @Override
    public String toString() {
        return label != null ? label : VersionSetFormat.format(points, masks);
    }
}
