package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.hype.pm.store.PackageRef;
import dev.hype.runtime.JsonTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read and write {@code .hype-install.json}, which records what each installed package directory came from, and the
 * names, sizes and modification times of the files it was installed with, so that the next install can tell cheaply
 * that it is intact.
 */
public final class InstallMarker {
    /** The marker's file name inside each installed package directory. */
    public static final String FILE_NAME = ".hype-install.json";

    private InstallMarker() {
    }

    /**
     * What a marker says.
     *
     * @param integrity the tarball's integrity
     * @param files each installed file's size and modification time (nanoseconds) by relative path, or
     *     {@code null} for a marker written before they were recorded
     * @param manifestIntegrity the sha512 of the package's {@code hype.json} as installed, or {@code null}
     */
    record Contents(String integrity, Map<String, long[]> files, String manifestIntegrity) {
    }

    /**
     * Write the marker. The JSON is put together here rather than by a mapper: an install writes one per package it
     * links, in a JVM just started, where building it with an {@code ObjectMapper} cost about as much as linking the
     * files.
     */
    static void write(Path packageDirectory, PackageRef ref, Map<String, long[]> files, String manifestIntegrity)
            throws IOException {
        StringBuilder text = new StringBuilder(256 + files.size() * 64).append("{\n");
        field(text, "name", ref.name());
        field(text, "version", ref.version().toString());
        field(text, "integrity", ref.integrity().sri());
        field(text, "resolved", ref.tarball().toString());
        if (manifestIntegrity != null) {
            field(text, "manifest", manifestIntegrity);
        }
        text.append("  \"files\": {");
        String separator = "\n";
        for (var e : new TreeMap<>(files).entrySet()) {
            text.append(separator).append("    ");
            quote(text, e.getKey());
            text.append(": [").append(e.getValue()[0]).append(", ").append(e.getValue()[1]).append(']');
            separator = ",\n";
        }
        text.append(files.isEmpty() ? "}\n}\n" : "\n  }\n}\n");
        Files.writeString(packageDirectory.resolve(FILE_NAME), text);
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append("  \"").append(name).append("\": ");
        quote(text, value);
        text.append(",\n");
    }

    private static void quote(StringBuilder text, String value) {
        text.append('"');
        if (plain(value)) {
            text.append(value);
        } else {
            text.append(JsonStringEncoder.getInstance().quoteAsString(value));
        }
        text.append('"');
    }

    /** Tell whether {@code value} is printable ASCII that JSON writes as it is (no quote, no backslash). */
    private static boolean plain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Return the integrity recorded in the package directory's marker, or {@code null} when there is none. */
    public static String integrity(Path packageDirectory) {
        Contents contents = read(packageDirectory);
        return contents == null ? null : contents.integrity();
    }

    /** Read the package directory's marker, or return {@code null} when it is absent or malformed. */
    static Contents read(Path packageDirectory) {
        JsonNode node = readJson(packageDirectory.resolve(FILE_NAME));
        if (node == null || !node.path("integrity").isTextual()) {
            return null;
        }
        Map<String, long[]> files = null;
        if (node.path("files").isObject()) {
            files = new TreeMap<>();
            for (var e : node.get("files").properties()) {
                JsonNode stamp = e.getValue();
                if (!stamp.isArray() || stamp.size() != 2 || !stamp.get(0).canConvertToLong()
                        || !stamp.get(1).canConvertToLong()) {
                    return new Contents(node.get("integrity").textValue(), null, null);
                }
                files.put(e.getKey(), new long[] {stamp.get(0).asLong(), stamp.get(1).asLong()});
            }
        }
        String manifest = node.path("manifest").isTextual() ? node.get("manifest").textValue() : null;
        return new Contents(node.get("integrity").textValue(), files, manifest);
    }

    /**
     * Read a JSON file, or return {@code null} when it is absent or malformed. With jackson-core's parser alone: an
     * {@code ObjectMapper}'s set-up costs more than reading every package's files in a JVM just started.
     */
    static JsonNode readJson(Path file) {
        try {
            return Files.isRegularFile(file) ? JsonTreeReader.read(Files.readAllBytes(file)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
