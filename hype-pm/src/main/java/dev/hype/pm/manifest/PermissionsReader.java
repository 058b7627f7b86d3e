package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Validate the {@code permissions} object of a manifest. */
final class PermissionsReader {
    private static final Set<String> KEYS = Set.of("filesystem", "network", "env", "process", "java", "native");
    private final ManifestReader reader;

    PermissionsReader(ManifestReader reader) {
        this.reader = reader;
    }

    Permissions read() {
        JsonNode node = reader.node("permissions");
        if (node == null || node.isNull()) {
            return Permissions.NONE;
        }
        if (!node.isObject()) {
            reader.problem("permissions", "expected an object");
            return Permissions.NONE;
        }
        node.properties().forEach(e -> {
            if (!KEYS.contains(e.getKey())) {
                reader.problem("permissions." + e.getKey(), "unknown permission (expected one of " + new java.util.TreeSet<>(KEYS) + ")");
            }
        });
        checkKeys("permissions.filesystem", Set.of("read", "write"));
        checkKeys("permissions.network", Set.of("domains", "ports"));
        return new Permissions(reader.strings("permissions.filesystem.read"), reader.strings("permissions.filesystem.write"),
                reader.strings("permissions.network.domains"), ports(), reader.strings("permissions.env"),
                flag("permissions.process"), flag("permissions.java"), flag("permissions.native"));
    }

    private void checkKeys(String path, Set<String> keys) {
        JsonNode node = reader.node(path);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            reader.problem(path, "expected an object with " + String.join(" and/or ", new java.util.TreeSet<>(keys)));
            return;
        }
        node.properties().forEach(e -> {
            if (!keys.contains(e.getKey())) {
                reader.problem(path + "." + e.getKey(), "unknown key (expected " + String.join(" or ", new java.util.TreeSet<>(keys)) + ")");
            }
        });
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
