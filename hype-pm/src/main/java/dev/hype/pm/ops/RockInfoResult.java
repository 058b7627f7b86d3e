package dev.hype.pm.ops;

import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.Rockspec;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Hold what the LuaRocks servers say about a rock.
 *
 * @param name the package name, {@code rocks:NAME}
 * @param versions every version the servers list, oldest first
 * @param selector the constraint asked for, or {@code null}
 * @param matching the versions satisfying it, oldest first ({@code null} when none was asked)
 * @param shown the version described: the newest matching one, else the newest; {@code null} when none matched
 * @param rockspec the rockspec of {@code shown}, or {@code null}
 * @param arches the forms the server has {@code shown} in ({@code src}, {@code all}, {@code rockspec}, ...)
 * @param server the server {@code shown} comes from, or {@code null}
 */
public record RockInfoResult(String name, List<RockVersion> versions, String selector, List<RockVersion> matching,
                             RockVersion shown, Rockspec rockspec, Set<String> arches, URI server) {
    /** Copy the lists. */
    public RockInfoResult {
        versions = List.copyOf(versions);
        matching = matching == null ? null : List.copyOf(matching);
        arches = arches == null ? Set.of() : Set.copyOf(arches);
    }
}
