package dev.hype.pm.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read and write a store entry's {@code index.json}: every file of the unpacked package with its hash, size and
 * stamp. Entries written before this index existed have only {@code files.json} (path to hash).
 */
final class EntryIndex {
    static final String FILE_NAME = "index.json";
    static final String LEGACY_FILE_NAME = "files.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EntryIndex() {
    }

    static Map<String, FileRecord> read(Path file) throws IOException {
        JsonNode tree = JSON.readTree(file.toFile());
        JsonNode files = tree == null ? null : tree.get("files");
        if (files == null || !files.isObject()) {
            throw new IOException(file + " has no \"files\" object");
        }
        Map<String, FileRecord> result = new TreeMap<>();
        for (var e : files.properties()) {
            JsonNode f = e.getValue();
            if (!f.path("integrity").isTextual() || !f.path("size").canConvertToLong()) {
                throw new IOException(file + ": the record of " + e.getKey() + " lacks integrity or size");
            }
            result.put(e.getKey(), new FileRecord(f.get("integrity").textValue(), f.get("size").asLong(),
                    f.path("modified").asLong(), f.path("key").isTextual() ? f.get("key").textValue() : null,
                    f.path("executable").asBoolean()));
        }
        return Collections.unmodifiableMap(result);
    }

    static Map<String, String> readLegacy(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
    }

    static void write(Path file, Map<String, FileRecord> records) throws IOException {
        ObjectNode top = JSON.createObjectNode();
        top.put("version", 1);
        ObjectNode files = top.putObject("files");
        new TreeMap<>(records).forEach((path, r) -> {
            ObjectNode f = files.putObject(path);
            f.put("integrity", r.integrity());
            f.put("size", r.size());
            f.put("modified", r.modified());
            if (r.key() != null) {
                f.put("key", r.key());
            }
            f.put("executable", r.executable());
        });
        AtomicWrite.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(top));
    }

    static Map<String, String> hashes(Map<String, FileRecord> records) {
        Map<String, String> result = new TreeMap<>();
        records.forEach((path, r) -> result.put(path, r.integrity()));
        return result;
    }
}
