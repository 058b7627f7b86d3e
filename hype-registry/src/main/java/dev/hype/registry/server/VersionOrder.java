package dev.hype.registry.server;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Order semantic versions, as much as the server needs (validating published versions and
 * choosing {@code latest}).
 *
 * <p>Kept minimal and isolated on purpose: at merge time {@link #compare(String, String)} and
 * {@link #isValid(String)} delegate to {@code dev.hype.pm.semver.Version}.
 */
final class VersionOrder {

    private static final Pattern SEMVER = Pattern.compile(
        "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?");

    private VersionOrder() {
    }

    /** Tell whether {@code version} is a valid semantic version. */
    static boolean isValid(String version) {
        return version != null && SEMVER.matcher(version).matches();
    }

    /** Tell whether {@code version} has a prerelease part. */
    static boolean isPrerelease(String version) {
        Matcher m = SEMVER.matcher(version);
        return m.matches() && m.group(4) != null;
    }

    /** Compare two valid versions by semver precedence (build metadata ignored). */
    static int compare(String a, String b) {
        Matcher x = SEMVER.matcher(a);
        Matcher y = SEMVER.matcher(b);
        if (!x.matches() || !y.matches()) {
            return a.compareTo(b);
        }
        for (int group = 1; group <= 3; group++) {
            int c = new BigInteger(x.group(group)).compareTo(new BigInteger(y.group(group)));
            if (c != 0) {
                return c;
            }
        }
        return comparePrerelease(x.group(4), y.group(4));
    }

    private static int comparePrerelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftNumeric = left[i].chars().allMatch(Character::isDigit);
            boolean rightNumeric = right[i].chars().allMatch(Character::isDigit);
            int c;
            if (leftNumeric && rightNumeric) {
                c = new BigInteger(left[i]).compareTo(new BigInteger(right[i]));
            } else if (leftNumeric != rightNumeric) {
                c = leftNumeric ? -1 : 1;
            } else {
                c = left[i].compareTo(right[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
