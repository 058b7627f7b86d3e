package dev.hype.pm.ops;

import dev.hype.pm.registry.SearchHit;
import java.net.URI;
import java.util.List;

/**
 * Hold what a search found.
 *
 * @param registry the registry searched
 * @param hits the packages found, best first
 */
public record SearchResult(URI registry, List<SearchHit> hits) {
    /** Copy the hits. */
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
