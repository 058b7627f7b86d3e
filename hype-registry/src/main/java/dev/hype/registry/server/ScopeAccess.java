package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.auth.ScopeStore;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decide who may create packages in a scope: a scope belongs to whoever first publishes in it, and only its
 * members (any role) may publish a new package there. Existing packages stay governed by their maintainers.
 *
 * <p>A scope that has packages but no roster (published before scopes had owners) is given to the maintainers of
 * its oldest package on first use, so the first publisher keeps it.
 */
final class ScopeAccess {
    private final ScopeStore scopes;
    private final PackageStore store;

    ScopeAccess(ScopeStore scopes, PackageStore store) {
        this.scopes = scopes;
        this.store = store;
    }

    /** Answer 403 unless {@code user} may create the new package {@code name}; claim an unowned scope for them. */
    void checkNewPackage(PackageName name, String user) {
        if (!name.scoped()) {
            return;
        }
        Map<String, String> roster = scopes.roster(name.scope());
        if (roster.isEmpty()) {
            roster = scopes.claim(name.scope(), firstPublishers(name.scope()).orElse(List.of(user)));
        }
        if (!roster.containsKey(user)) {
            throw new HttpError(403, "user '" + user + "' may not create packages in @" + name.scope()
                + ", which belongs to " + String.join(", ", owners(roster)),
                "ask an owner to add you: 'npm org set " + name.scope() + " " + user + "' against this registry, or "
                    + "'hype registry scope add @" + name.scope() + " " + user + "' on its host");
        }
    }

    /** Return the maintainers of the oldest package already in {@code scope}, if there is one. */
    private Optional<List<String>> firstPublishers(String scope) {
        return store.names().stream().filter(n -> scope.equals(n.scope()))
            .map(store::packument).flatMap(Optional::stream)
            .min(Comparator.comparing((ObjectNode p) -> p.path("time").path("created").asText("")))
            .map(p -> {
                List<String> names = new ArrayList<>();
                for (JsonNode maintainer : p.path("maintainers")) {
                    String n = maintainer.path("name").asText("");
                    if (!n.isEmpty()) {
                        names.add(n);
                    }
                }
                return names;
            }).filter(l -> !l.isEmpty());
    }

    static List<String> owners(Map<String, String> roster) {
        return roster.entrySet().stream().filter(e -> e.getValue().equals("owner")).map(Map.Entry::getKey).toList();
    }
}
