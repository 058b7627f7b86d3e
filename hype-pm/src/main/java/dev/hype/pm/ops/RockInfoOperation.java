package dev.hype.pm.ops;

import dev.hype.pm.registry.SearchHit;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.Rockspec;
import dev.hype.pm.rocks.server.RockRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Answer {@code hype pkg info rocks:NAME[@CONSTRAINT]} and {@code hype pkg search rocks:TEXT} from the LuaRocks
 * servers: versions from their manifests, the description and dependencies from the rockspec.
 */
public final class RockInfoOperation {
    private RockInfoOperation() {
    }

    /**
     * Describe a rock.
     *
     * @throws RockException {@link RockException#E_ROCK_SERVER} when no server lists it
     */
    public static RockInfoResult info(String spec, RockRepository rocks) {
        int at = spec.indexOf('@');
        String name = at < 0 ? spec : spec.substring(0, at);
        String selector = at < 0 ? null : spec.substring(at + 1);
        RockName.problem(name).ifPresent(p -> {
            throw new RockException(RockException.E_ROCK_NAME, "'" + spec + "' is not rocks:NAME[@CONSTRAINT]: " + p,
                    List.of("for example: hype pkg info rocks:penlight, or hype pkg info 'rocks:penlight@>= 1.13'"));
        });
        String rock = RockName.rock(name);
        List<RockRepository.Listing> listings = rocks.listings(rock);
        if (listings.isEmpty()) {
            throw new RockException(RockException.E_ROCK_SERVER, "no configured LuaRocks server has " + name + " ("
                    + String.join(", ", rocks.config().serversFor(rock).stream().map(Object::toString).toList())
                    + ")", List.of("'hype pkg search rocks:" + rock + "' looks for similar names"));
        }
        List<RockVersion> versions = listings.stream().map(RockRepository.Listing::version).toList();
        List<RockVersion> matching = null;
        List<RockVersion> candidates = versions;
        if (selector != null) {
            RockConstraint constraint = RockConstraint.parse(selector);
            matching = versions.stream().filter(constraint::matches).toList();
            candidates = matching;
        }
        if (candidates.isEmpty()) {
            return new RockInfoResult(name, versions, selector, matching, null, null, null, null);
        }
        RockVersion shown = candidates.getLast();
        RockRepository.Listing listing = rocks.listing(rock, shown.text()).orElseThrow();
        Rockspec rockspec = rocks.rockspec(rock, shown.text());
        return new RockInfoResult(name, versions, selector, matching, shown, rockspec, listing.arches(),
                listing.server().url());
    }

    /** Search the servers' manifests for rocks whose name contains {@code text}; at most {@code limit} hits. */
    public static SearchResult search(String text, int limit, RockRepository rocks) {
        List<SearchHit> hits = new ArrayList<>();
        for (String rock : rocks.search(text)) {
            if (hits.size() >= limit) {
                break;
            }
            List<RockVersion> versions = rocks.installable(rock);
            if (versions.isEmpty()) {
                continue;
            }
            RockVersion latest = versions.getLast();
            String summary = rocks.rockspec(rock, latest.text()).description("summary").strip();
            hits.add(new SearchHit(RockName.of(rock), latest.text(), summary, List.of()));
        }
        return new SearchResult(rocks.config().servers().getFirst(), hits);
    }
}
