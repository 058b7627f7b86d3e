package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.store.PackageRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Read and write {@code .hype-install.json}, which records what each installed package directory came from. */
public final class InstallMarker {
    /** The marker's file name inside each installed package directory. */
    public static final String FILE_NAME = ".hype-install.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private InstallMarker() {
    }

    static void write(Path packageDirectory, PackageRef ref) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", ref.name());
        node.put("version", ref.version().toString());
        node.put("integrity", ref.integrity().sri());
        node.put("resolved", ref.tarball().toString());
        Files.writeString(packageDirectory.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(node) + "\n");
    }

    /** Return the integrity recorded in the package directory's marker, or {@code null} when there is none. */
    public static String integrity(Path packageDirectory) {
        JsonNode node = readJson(packageDirectory.resolve(FILE_NAME));
        return node != null && node.path("integrity").isTextual() ? node.get("integrity").textValue() : null;
    }

    /** Read a JSON file, or return {@code null} when it is absent or malformed. */
    static JsonNode readJson(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
