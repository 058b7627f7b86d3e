package dev.hype.pm.ops;

import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.semver.Version;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Compare direct rock dependencies with what the LuaRocks servers have: for {@code list --outdated} and {@code update --latest}. */
final class RockUpdates {
    private RockUpdates() {
    }

    /** Return the row {@code list --outdated} shows for a rock, or empty when it is current. */
    static Optional<ListResult.Outdated> outdated(RockRepository rocks, String name, String range, Lockfile lock) {
        List<RockVersion> versions = rocks.installable(RockName.rock(name));
        RockConstraint constraint = RockConstraint.parse(range);
        Version current = lock.packages().containsKey(name) ? lock.packages().get(name).version() : null;
        Version wanted = versions.stream().filter(constraint::matches).map(RockVersion::toVersion)
                .max(Comparator.naturalOrder()).orElse(null);
        Version latest = versions.isEmpty() ? null : versions.getLast().toVersion();
        if (current != null && Objects.equals(current, wanted) && Objects.equals(current, latest)) {
            return Optional.empty();
        }
        return Optional.of(new ListResult.Outdated(name, range, current, wanted, latest));
    }

    /** Return the range {@code update --latest} writes for a rock: {@link RockConstraint#defaultFor} its newest. */
    static String latestRange(RockRepository rocks, String name) {
        if (rocks == null) {
            throw new RockException(RockException.E_ROCK_SERVER, "no LuaRocks server is configured to update "
                    + name + " from", List.of("see docs/luarocks.md"));
        }
        List<RockVersion> versions = rocks.installable(RockName.rock(name));
        if (versions.isEmpty()) {
            throw new RockException(RockException.E_ROCK_SERVER, "no configured LuaRocks server has " + name,
                    List.of("'hype pkg search " + RockName.rock(name) + "' looks it up"));
        }
        return RockConstraint.defaultFor(versions.getLast(), false);
    }
}
