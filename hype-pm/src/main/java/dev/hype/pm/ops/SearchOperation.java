package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import dev.hype.runtime.HypeException;
import java.util.List;

/** Search the default registry. */
public final class SearchOperation {
    private SearchOperation() {
    }

    /** Run the search; a limit outside 1..250 is an error. */
    public static SearchResult run(SearchOptions options, RegistryClient client) {
        if (options.limit() < 1 || options.limit() > 250) {
            throw new HypeException("E_USAGE", "--limit must be between 1 and 250, not " + options.limit(), List.of());
        }
        return new SearchResult(client.registryFor(""), client.search(options.query(), options.limit()));
    }
}
