package dev.hype.pm.semver;

import java.util.Locale;

/** Name the kinds of increment {@link Version#inc(ReleaseType, String)} performs. */
public enum ReleaseType {
    MAJOR, MINOR, PATCH, PREMAJOR, PREMINOR, PREPATCH, PRERELEASE, RELEASE;

    /** Parse a node-semver release name such as {@code premajor}. */
    public static ReleaseType parse(String name) {
        for (ReleaseType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
                return type;
            }
        }
        throw new SemverException(SemverException.INVALID_INCREMENT, "invalid increment argument: " + name);
    }

    /** Return the lower-case name node-semver uses. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
