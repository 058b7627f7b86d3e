package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Answer the calls {@code npm owner add|rm} makes: {@code GET /-/user/org.couchdb.user:{name}} to look a user up,
 * then {@code PUT /{package}/-rev/{rev}} with the new {@code maintainers}. Only a maintainer may change the list,
 * only users the registry knows may join it, and it may never become empty.
 */
final class OwnerHandler {
    private final PackageStore store;
    private final Authenticator auth;
    private final PackageLocks locks;
    private final KnownUsers users;

    OwnerHandler(PackageStore store, Authenticator auth, PackageLocks locks, KnownUsers users) {
        this.store = store;
        this.auth = auth;
        this.locks = locks;
        this.users = users;
    }

    /** Return whether a {@code PUT /{package}/-rev/{rev}} body changes maintainers rather than removing versions. */
    static boolean changesMaintainers(JsonNode body) {
        return body.has("maintainers") && !body.has("versions");
    }

    /** Answer {@code GET /-/user/org.couchdb.user:{name}}: the user's public profile, or 404. */
    void user(Request request, String name) throws IOException {
        auth.checkRead(request);
        if (!users.known(name)) {
            throw HttpError.notFound("user '" + name + "' is not known to this registry");
        }
        request.sendJson(200, Request.JSON.createObjectNode().put("name", name));
    }

    /** Answer {@code PUT /{package}/-rev/{rev}} with {@code maintainers}: replace the list. */
    void setMaintainers(Request request, PackageName name, JsonNode body) throws IOException {
        String user = auth.requireUser(request);
        JsonNode requested = body.get("maintainers");
        if (requested == null || !requested.isArray()) {
            throw HttpError.badRequest("'maintainers' must be an array of {\"name\": USER}", "bad request");
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode maintainer : requested) {
            String n = maintainer.isTextual() ? maintainer.asText() : maintainer.path("name").asText("");
            if (n.isEmpty()) {
                throw HttpError.badRequest("every maintainer needs a 'name'", "bad request");
            }
            names.add(n);
        }
        if (names.isEmpty()) {
            throw new HttpError(409, "cannot remove every owner of " + name, "add someone else first");
        }
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = store.packument(name).filter(p -> !p.path("time").has("unpublished"))
                .orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
            Ownership.check(packument, name, user);
            Set<String> current = new LinkedHashSet<>();
            packument.path("maintainers").forEach(m -> current.add(m.path("name").asText("")));
            for (String n : names) {
                if (!current.contains(n) && !users.known(n)) {
                    throw HttpError.notFound("user '" + n + "' is not known to this registry");
                }
            }
            ArrayNode list = packument.putArray("maintainers");
            names.forEach(n -> list.addObject().put("name", n));
            packument.withObjectProperty("time").put("modified", Instant.now().toString());
            store.writePackument(name, packument);
        }
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "owners of " + name + ": " + String.join(", ", names)));
    }
}
