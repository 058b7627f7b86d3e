package dev.hype.pm.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hype.pm.pack.Integrity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compute and store the per-file hashes of a package directory. */
public final class FileIndex {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private FileIndex() {
    }

    /**
     * Hash every regular file under {@code directory}: relative {@code /}-separated path to sha512 integrity. Names
     * in {@code ignored} at the top level are skipped.
     */
    public static Map<String, String> hash(Path directory, Set<String> ignored) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String relative = directory.relativize(file).toString().replace('\\', '/');
                if (!ignored.contains(relative)) {
                    result.put(relative, Integrity.sha512(Files.readAllBytes(file)).sri());
                }
            }
        }
        return result;
    }

    static void write(Path file, Map<String, String> index) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new TreeMap<>(index)) + "\n");
    }

    static Map<String, String> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
    }
}
