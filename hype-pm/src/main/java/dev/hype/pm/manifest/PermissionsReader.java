package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Validate the {@code permissions} object of a manifest, entry by entry, into a {@link PermissionSpec}. */
final class PermissionsReader {
    private static final Set<String> KEYS = Set.of("filesystem", "network", "env", "process", "java", "native");
    private final ManifestReader reader;

    PermissionsReader(ManifestReader reader) {
        this.reader = reader;
    }

    PermissionSpec read() {
        JsonNode node = reader.node("permissions");
        if (node == null || node.isNull()) {
            return PermissionSpec.NONE;
        }
        if (!node.isObject()) {
            reader.problem("permissions", "expected an object");
            return PermissionSpec.NONE;
        }
        node.properties().forEach(e -> {
            if (!KEYS.contains(e.getKey())) {
                reader.problem("permissions." + e.getKey(), "unknown permission (expected one of " + new TreeSet<>(KEYS) + ")");
            }
        });
        checkKeys("permissions.filesystem", Set.of("read", "write"));
        checkKeys("permissions.network", Set.of("domains", "ports"));
        return new PermissionSpec(entries("permissions.filesystem.read", "paths", PermissionPatterns::path),
                entries("permissions.filesystem.write", "paths", PermissionPatterns::path),
                entries("permissions.network.domains", "host names", PermissionPatterns::domain), ports(),
                entries("permissions.env", "variable names", PermissionPatterns::env), flag("permissions.process"),
                entries("permissions.java", "class-name patterns such as \"java.util.*\"", PermissionPatterns::javaClass),
                flag("permissions.native"));
    }

    private void checkKeys(String path, Set<String> keys) {
        JsonNode node = reader.node(path);
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
        JsonNode node = reader.node(path);
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
        String path = "permissions.network.ports";
        JsonNode node = reader.node(path);
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
        JsonNode node = reader.node(path);
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
