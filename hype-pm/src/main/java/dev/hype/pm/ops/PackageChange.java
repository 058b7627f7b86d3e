package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;

/**
 * Describe one package's move between two lockfiles.
 *
 * @param name the package name
 * @param from the version locked before, or {@code null} when it is new
 * @param to the version locked now (or that would be), or {@code null} when it is gone
 */
public record PackageChange(String name, Version from, Version to) {
    /** Return {@code name 1.0.0 -> 1.2.0}, with {@code (none)} for a missing side. */
    @Override
    public String toString() {
        return name + " " + (from == null ? "(none)" : from) + " -> " + (to == null ? "(none)" : to);
    }
}
