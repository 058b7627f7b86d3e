package dev.hype.pm.rocks;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.VersionSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read the range of a dependency by its name: LuaRocks' constraint grammar for a rock ({@code rocks:NAME}), npm's
 * range grammar for every other package.
 *
 * <p>npm ranges are remembered by their text: an install reads the project's ranges more than once (to choose its
 * features, then to resolve), and packages mostly ask for the same few ranges. A range's versions depend on its text
 * only, and a {@link VersionSet} never changes, so a remembered one is what a new parse would give; invalid ranges
 * are not remembered (each parse throws).
 */
public final class DependencyRange {
    /** How many ranges are remembered at most; past it, new ranges are parsed each time. */
    private static final int REMEMBERED = 4096;
    private static final ConcurrentHashMap<String, VersionSet> RANGES = new ConcurrentHashMap<>();

    private DependencyRange() {
    }

    /**
     * Return the versions {@code text} allows for the package {@code name}.
     *
     * @throws RockException for a rock's constraint that is not LuaRocks' grammar
     * @throws dev.hype.pm.semver.SemverException for a package's range that is not npm's
     */
    public static VersionSet parse(String name, String text) {
        if (RockName.isRock(name)) {
            return RockConstraint.parse(text).toVersionSet();
        }
        VersionSet known = RANGES.get(text);
        if (known != null) {
            return known;
        }
        VersionSet versions = Range.parse(text).toVersionSet();
        if (RANGES.size() < REMEMBERED) {
            RANGES.putIfAbsent(text, versions);
        }
        return versions;
    }
}
