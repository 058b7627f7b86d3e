package dev.hype.pm.semver;

import java.util.ArrayList;
import java.util.List;

/** Render the segments of a {@link VersionSet} as npm-style comparator ranges. */
final class VersionSetFormat {
    private VersionSetFormat() {
    }

    static String format(Version[] points, byte[] masks) {
        if (points.length == 0) {
            return switch (masks[0]) {
                case 0 -> "<0.0.0-0";
                case VersionSet.RELEASE -> "*";
                case VersionSet.PRERELEASE -> "* (prereleases only)";
                default -> "any";
            };
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < masks.length) {
            if (masks[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            boolean prereleasesOnly = true;
            while (i < masks.length && masks[i] != 0) {
                prereleasesOnly &= masks[i] == VersionSet.PRERELEASE;
                i++;
            }
            parts.add(part(points, start, i - 1) + (prereleasesOnly ? " (prereleases only)" : ""));
        }
        return String.join(" || ", parts);
    }

    /** Render segments {@code start..end}: even indexes are open intervals, odd ones points. */
    private static String part(Version[] points, int start, int end) {
        if (start == end && start % 2 == 1) {
            return points[start / 2].toString();
        }
        String lower = start % 2 == 1 ? ">=" + points[start / 2] : start == 0 ? "" : ">" + points[start / 2 - 1];
        String upper = end % 2 == 1 ? "<=" + points[end / 2] : end / 2 == points.length ? "" : "<" + points[end / 2];
        if (lower.isEmpty() && upper.isEmpty()) {
            return "any";
        }
        return (lower + " " + upper).strip();
    }
}
