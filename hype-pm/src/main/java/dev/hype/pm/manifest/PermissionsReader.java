package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Validate a {@code permissions} object of a manifest (the package's own, or one of {@code rockPermissions}), entry
 * by entry, into a {@link PermissionSpec}.
 */
final class PermissionsReader {
    private static final Set<String> KEYS = Set.of("filesystem", "network", "env", "process", "java", "native");
    private final ManifestReader reader;
    private final JsonNode root;
    private final String base;

    /** Read the manifest's own {@code permissions}. */
    PermissionsReader(ManifestReader reader) {
        this(reader, reader.node("permissions"), "permissions");
    }

    /** Read the permissions object {@code root}, found at {@code base} (named in problems). */
    PermissionsReader(ManifestReader reader, JsonNode root, String base) {
        this.reader = reader;
        this.root = root;
        this.base = base;
    }

    /** Return the node at {@code path} ({@code base} then dotted keys), or null. */
    private JsonNode node(String path) {
        JsonNode node = root;
        String rest = path.substring(base.length());
        for (String part : rest.isEmpty() ? new String[0] : rest.substring(1).split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    PermissionSpec read() {
        JsonNode node = root;
        if (node == null || node.isNull()) {
            return PermissionSpec.NONE;
        }
        if (!node.isObject()) {
            reader.problem(base, "expected an object");
            return PermissionSpec.NONE;
        }
        node.properties().forEach(e -> {
            if (!KEYS.contains(e.getKey())) {
                reader.problem(base + "." + e.getKey(), "unknown permission (expected one of " + new TreeSet<>(KEYS) + ")");
            }
        });
        checkKeys(base + ".filesystem", Set.of("read", "write"));
        checkKeys(base + ".network", Set.of("domains", "ports"));
        return new PermissionSpec(entries(base + ".filesystem.read", "paths", PermissionPatterns::path),
                entries(base + ".filesystem.write", "paths", PermissionPatterns::path),
                entries(base + ".network.domains", "host names", PermissionPatterns::domain), ports(),
                entries(base + ".env", "variable names", PermissionPatterns::env), flag(base + ".process"),
                entries(base + ".java", "class-name patterns such as \"java.util.*\"", PermissionPatterns::javaClass),
                flag(base + ".native"));
    }

    private void checkKeys(String path, Set<String> keys) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            reader.problem(path, "expected an object with " + String.join(" and/or ", new TreeSet<>(keys)));
            return;
        }
        node.properties().forEach(e -> {
            if (!keys.contains(e.getKey())) {
                reader.problem(path + "." + e.getKey(), "unknown key (expected " + String.join(" or ", new TreeSet<>(keys)) + ")");
            }
        });
    }

    /** Read an array of strings, reporting each entry {@code check} finds wrong at {@code path[i]}. */
    private List<String> entries(String path, String what, Function<String, Optional<String>> check) {
        JsonNode node = node(path);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            reader.problem(path, "expected an array of " + what);
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode entry = node.get(i);
            if (!entry.isTextual()) {
                reader.problem(at, "expected a string");
                continue;
            }
            Optional<String> problem = check.apply(entry.asText());
            if (problem.isPresent()) {
                reader.problem(at, problem.get());
            } else {
                result.add(entry.asText());
            }
        }
        return result;
    }

    private List<Integer> ports() {
        String path = base + ".network.ports";
        JsonNode node = node(path);
        List<Integer> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            reader.problem(path, "expected an array of port numbers");
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode port = node.get(i);
            if (port.isInt() && port.asInt() >= 1 && port.asInt() <= 65535) {
                result.add(port.asInt());
            } else {
                reader.problem(path + "[" + i + "]", "expected a port number from 1 to 65535");
            }
        }
        return result;
    }

    private boolean flag(String path) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            reader.problem(path, "expected true or false");
            return false;
        }
        return node.asBoolean();
    }
}
