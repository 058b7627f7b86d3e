package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.List;

/**
 * Tell what a project has installed and, when asked, which direct dependencies are behind.
 *
 * @param packages every locked package, sorted by name
 * @param outdated the direct dependencies not at their wanted or latest version; empty unless asked
 */
public record ListResult(List<Entry> packages, List<Outdated> outdated) {
    /** Copy the lists. */
    public ListResult {
        packages = List.copyOf(packages);
        outdated = List.copyOf(outdated);
    }

    /**
     * Describe one locked package.
     *
     * @param name the package name
     * @param version the locked version
     * @param direct whether {@code hype.json} names it, rather than another package needing it
     * @param present whether {@code hype_modules/} holds it
     */
    public record Entry(String name, Version version, boolean direct, boolean present) {
    }

    /**
     * Describe a direct dependency that could move, as {@code npm outdated} does.
     *
     * @param name the package name
     * @param range the range {@code hype.json} asks for
     * @param current the locked version, or {@code null} when it is not locked
     * @param wanted the newest published version within {@code range}, or {@code null} when none is
     * @param latest the version the {@code latest} dist-tag names, or {@code null} when there is none
     */
    public record Outdated(String name, String range, Version current, Version wanted, Version latest) {
    }
}
