package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keep packuments on disk with the validators they came with, so a later request can be revalidated.
 *
 * <p>Each entry is one file, {@code <dir>/<host_port>/<name>.<form>.json}, holding a line of JSON metadata (URL,
 * ETag, Last-Modified) and then the body; it is written to a temporary file and renamed into place. An entry that
 * cannot be read is treated as absent. Temporary files a killed process left are deleted later.
 */
final class PackumentCache {

    /**
     * One cached answer.
     *
     * @param body the packument bytes
     * @param etag the ETag, or {@code null}
     * @param lastModified the Last-Modified date, or {@code null}
     */
    record Entry(byte[] body, String etag, String lastModified) {
    }

    private static final long STALE_MILLIS = 60_000;

    private final Path directory;
    private final Set<Path> swept = ConcurrentHashMap.newKeySet();

    PackumentCache(Path directory) {
        this.directory = directory;
    }

    Optional<Entry> read(URI url, Form form) {
        Path file = file(url, form);
        try {
            byte[] content = Files.readAllBytes(file);
            int newline = indexOf(content, (byte) '\n');
            if (newline < 0) {
                return Optional.empty();
            }
            JsonNode meta = NpmProtocol.JSON.readTree(new String(content, 0, newline, StandardCharsets.UTF_8));
            if (!url.toString().equals(meta.path("url").asText())) {
                return Optional.empty();
            }
            return Optional.of(new Entry(Arrays.copyOfRange(content, newline + 1, content.length),
                text(meta, "etag"), text(meta, "lastModified")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(URI url, Form form, Entry entry) {
        Path file = file(url, form);
        ObjectNode meta = NpmProtocol.JSON.createObjectNode();
        meta.put("url", url.toString());
        meta.put("etag", entry.etag());
        meta.put("lastModified", entry.lastModified());
        try {
            byte[] header = (meta.toString() + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOf(header, header.length + entry.body().length);
            System.arraycopy(entry.body(), 0, content, header.length, entry.body().length);
            AtomicWrite.write(file, content);
            sweepOnce(file.getParent());
        } catch (IOException e) {
            // a cache that cannot be written only costs a later download
        }
    }

    /**
     * Delete, once per folder and process, the temporary files of writes that were killed before their rename. A
     * live write's temporary file exists for a moment, so only those older than a minute go.
     */
    private void sweepOnce(Path folder) {
        if (!swept.add(folder)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - STALE_MILLIS;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toMillis() < cutoff) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // left for a later process
        }
    }

    private Path file(URI url, Form form) {
        String host = (url.getHost() + "_" + url.getPort()).replaceAll("[^A-Za-z0-9._-]", "_");
        String path = url.getRawPath().replaceAll("^/+", "");
        String name = path.replace("%2f", "__").replace("%2F", "__").replace('/', '_').replace('@', '+');
        return directory.resolve("packuments").resolve(host).resolve(name + "." + form.name().toLowerCase() + ".json");
    }

    private static String text(JsonNode meta, String field) {
        JsonNode value = meta.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static int indexOf(byte[] bytes, byte value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
