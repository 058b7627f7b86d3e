package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;

/** Decide who may change a package: the users listed in its {@code maintainers}. */
final class Ownership {

    private Ownership() {
    }

    /** Answer 403 unless {@code user} maintains the package (or it has no maintainers yet). */
    static void check(ObjectNode packument, PackageName name, String user) {
        JsonNode maintainers = packument.path("maintainers");
        if (!maintainers.isArray() || maintainers.isEmpty()) {
            return;
        }
        for (JsonNode maintainer : maintainers) {
            if (user.equals(maintainer.path("name").asText(null))) {
                return;
            }
        }
        throw new HttpError(403, "user '" + user + "' may not change " + name,
            "only its maintainers may publish or tag it: " + maintainers);
    }
}
