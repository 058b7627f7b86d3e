package dev.hype.runtime.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.JsonTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read the permissions approved in one project's {@code hype-lock.json}: {@code
 * packages.<name>.permissions}. A package with no readable approval gets none.
 */
final class Approvals {
    private final JsonNode packages;
    private final Map<String, PermissionSpec> specs = new ConcurrentHashMap<>();

    private Approvals(JsonNode packages) {
        this.packages = packages;
    }

    static Approvals read(Path projectRoot) {
        Path lockfile = projectRoot.resolve("hype-lock.json");
        try {
            JsonNode root = JsonTreeReader.read(Files.readAllBytes(lockfile));
            return new Approvals(root == null ? null : root.get("packages"));
        } catch (IOException e) {
            // A missing, unreadable or malformed lockfile approves nothing; install and check report it.
            return new Approvals(null);
        }
    }

    /** Return what {@code name} was approved, or {@link PermissionSpec#NONE}. */
    PermissionSpec of(String name) {
        return specs.computeIfAbsent(name, n -> {
            if (packages == null || !packages.isObject()) {
                return PermissionSpec.NONE;
            }
            JsonNode entry = packages.get(n);
            if (entry == null || !entry.isObject()) {
                return PermissionSpec.NONE;
            }
            try {
                return PermissionSpec.fromJson(entry.get("permissions"));
            } catch (IllegalArgumentException e) {
                return PermissionSpec.NONE;
            }
        });
    }
}
