package dev.hype.pm.rocks;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.VersionSet;

/**
 * Read the range of a dependency by its name: LuaRocks' constraint grammar for a rock ({@code rocks:NAME}), npm's
 * range grammar for every other package.
 */
public final class DependencyRange {
    private DependencyRange() {
    }

    /**
     * Return the versions {@code text} allows for the package {@code name}.
     *
     * @throws RockException for a rock's constraint that is not LuaRocks' grammar
     * @throws dev.hype.pm.semver.SemverException for a package's range that is not npm's
     */
    public static VersionSet parse(String name, String text) {
        return RockName.isRock(name) ? RockConstraint.parse(text).toVersionSet() : Range.parse(text).toVersionSet();
    }
}
