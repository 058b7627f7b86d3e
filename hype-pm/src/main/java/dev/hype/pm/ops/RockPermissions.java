package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.Manifest;
import dev.hype.runtime.permissions.PermissionSpec;

/**
 * Say what a LuaRocks rock asks for at install. A rockspec declares no permissions, so the project decides: a rock
 * the project's {@code hype.json} names in {@code rockPermissions} asks for exactly what is granted there (plus
 * {@code native} when it has C modules, which cannot load without it); any other rock asks to run unrestricted, as
 * it would under {@code lua5.4}. Install shows the request and asks for approval as for any package.
 */
final class RockPermissions {
    /** The project manifest key that restricts rocks. */
    static final String KEY = "rockPermissions";

    private RockPermissions() {
    }

    /** Return what the rock {@code name}, built in {@code directory}, asks the project in {@code manifest} for. */
    static PermissionSpec requested(Manifest manifest, String name, PermissionSpec own) {
        JsonNode restricted = manifest.extras().get(KEY);
        JsonNode grant = restricted == null ? null : restricted.get(name);
        if (grant == null || grant.isNull()) {
            return PermissionSpec.UNRESTRICTED;
        }
        // Validated with the manifest; what the built rock's hype.json asks for is native for C modules.
        return PermissionSpec.fromJson(grant).plus(own);
    }
}
