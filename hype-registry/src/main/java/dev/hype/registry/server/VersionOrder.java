package dev.hype.registry.server;

import dev.hype.pm.semver.Version;

/** Compare and check version strings the way the package manager does, through its semver. */
final class VersionOrder {
    private VersionOrder() {
    }

    /** Return whether {@code text} is a strict SemVer 2.0 version. */
    static boolean isValid(String text) {
        return Version.isValid(text, false);
    }

    /** Return whether the valid version {@code text} has a prerelease part. */
    static boolean isPrerelease(String text) {
        return Version.parse(text).isPrerelease();
    }

    /** Compare two valid versions by SemVer precedence, build metadata ignored. */
    static int compare(String a, String b) {
        return Version.parse(a).compareTo(Version.parse(b));
    }
}
