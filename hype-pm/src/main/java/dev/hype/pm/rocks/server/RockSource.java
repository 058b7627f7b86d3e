package dev.hype.pm.rocks.server;

import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockDependency;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.Rockspec;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Let the resolver ask LuaRocks servers about rocks: a rock's versions are those the servers list in a form Hype
 * installs; a version's dependencies are its rockspec's, with LuaRocks' constraints matched against the dependency's
 * listed versions exactly as LuaRocks matches them.
 *
 * <p>{@code lua} (and {@code utf8}, which Lua 5.4 provides) are not rocks: a constraint on them is checked against
 * Hype's Lua, {@code 5.4-1} as LuaRocks on Lua 5.4 sees it. A version whose constraint Lua 5.4 does not satisfy
 * depends on {@code rocks:lua} with nothing allowed, so the resolver leaves it out and explains why.
 */
public final class RockSource implements PackageSource {
    /** The rocks Lua 5.4 provides, as LuaRocks' {@code rocks_provided} has them. */
    static final Set<String> PROVIDED = Set.of("lua", "utf8");
    /** The version LuaRocks gives the provided rocks on Lua 5.4. */
    static final RockVersion PROVIDED_VERSION = RockVersion.parse("5.4-1");

    private final RockRepository repository;

    /** Create a source over {@code repository}. */
    public RockSource(RockRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<List<Version>> versions(String name) {
        String rock = RockName.rock(name);
        if (PROVIDED.contains(rock)) {
            return Optional.of(List.of(PROVIDED_VERSION.toVersion()));
        }
        List<Version> versions = installable(rock).stream().map(RockVersion::toVersion).toList();
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions);
    }

    private List<RockVersion> installable(String rock) {
        return repository.installable(rock);
    }

    @Override
    public Dependencies dependencies(String name, Version version) {
        String rock = RockName.rock(name);
        if (PROVIDED.contains(rock)) {
            return Dependencies.NONE;
        }
        Rockspec spec = repository.rockspec(rock, version.toString());
        Map<String, List<String>> constraints = new LinkedHashMap<>();
        for (String text : spec.dependencies()) {
            RockDependency dep = RockDependency.parse(text, spec.fileName());
            if (!dep.constraint().isAny()) {
                constraints.computeIfAbsent(dep.rock(), k -> new ArrayList<>()).add(dep.constraint().text());
            } else {
                constraints.computeIfAbsent(dep.rock(), k -> new ArrayList<>());
            }
        }
        Map<String, VersionSet> required = new LinkedHashMap<>();
        constraints.forEach((dep, texts) -> {
            RockConstraint constraint = RockConstraint.parse(String.join(", ", texts));
            if (PROVIDED.contains(dep)) {
                if (!constraint.matches(PROVIDED_VERSION)) {
                    required.put(RockName.of(dep), unsatisfied(constraint));
                }
            } else if (!dep.equals(rock)) {
                required.put(RockName.of(dep), constraint.among(installable(dep)));
            }
        });
        return Dependencies.of(required);
    }

    /** Return the set a constraint Lua 5.4 fails stands for, without {@code 5.4-1} whatever the interval says. */
    private static VersionSet unsatisfied(RockConstraint constraint) {
        String label = constraint.text() + " (Hype runs Lua 5.4)";
        try {
            return constraint.toVersionSet().difference(VersionSet.exactly(PROVIDED_VERSION.toVersion()))
                    .withLabel(label);
        } catch (dev.hype.pm.rocks.RockException e) {
            return VersionSet.none().withLabel(label);
        }
    }
}
