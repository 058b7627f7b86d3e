package dev.hype.pm.semver;

/**
 * Hold the two parsing options node-semver knows.
 *
 * @param loose accept sloppy input such as {@code =1.2.3}, {@code 1.2.3beta} or leading zeros
 * @param includePrerelease let prerelease versions match any range they fall in
 */
public record RangeOptions(boolean loose, boolean includePrerelease) {
    /** Strict parsing, node-semver's prerelease rule. */
    public static final RangeOptions DEFAULT = new RangeOptions(false, false);
}
