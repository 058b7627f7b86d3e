package dev.hype.pm.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.files.AtomicWrite;
import dev.hype.runtime.JsonTreeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
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
 * ETag, Last-Modified, when it was stored and for how many seconds the registry said it stays fresh) and then the
 * body; it is written to a temporary file and renamed into place. An entry that cannot be read is treated as absent;
 * one without the time fields (written by an older Hype) as stale. Temporary files a killed process left are deleted
 * later. The metadata is read and written with jackson-core alone: no {@code ObjectMapper} is built for a packument
 * the cache answers.
 */
final class PackumentCache {

    /**
     * One cached answer.
     *
     * @param body the packument bytes
     * @param etag the ETag, or {@code null}
     * @param lastModified the Last-Modified date, or {@code null}
     * @param storedAt when the answer was received or last revalidated, in milliseconds since the epoch, or 0
     * @param freshSeconds how long after {@code storedAt} it may be used without asking ({@link Freshness}), or 0
     */
    record Entry(byte[] body, String etag, String lastModified, long storedAt, long freshSeconds) {
        /** Return whether the entry may be used at {@code now} without revalidating it. */
        boolean freshAt(long now) {
            return storedAt > 0 && freshSeconds > 0 && now >= storedAt && now - storedAt < freshSeconds * 1000;
        }

        /** Return this entry as revalidated at {@code now}, fresh for {@code seconds}. */
        Entry revalidated(long now, long seconds) {
            return new Entry(body, etag, lastModified, now, seconds);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

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
            JsonNode meta = JsonTreeReader.read(Arrays.copyOf(content, newline));
            if (!url.toString().equals(meta.path("url").asText())) {
                return Optional.empty();
            }
            return Optional.of(new Entry(Arrays.copyOfRange(content, newline + 1, content.length),
                text(meta, "etag"), text(meta, "lastModified"), meta.path("storedAt").asLong(0),
                meta.path("freshSeconds").asLong(0)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(URI url, Form form, Entry entry) {
        Path file = file(url, form);
        try {
            byte[] header = meta(url, entry);
            byte[] content = Arrays.copyOf(header, header.length + entry.body().length);
            System.arraycopy(entry.body(), 0, content, header.length, entry.body().length);
            AtomicWrite.write(file, content);
            sweepOnce(file.getParent());
        } catch (IOException e) {
            // a cache that cannot be written only costs a later download
        }
    }

    /** Remove both forms of a packument, so the next request for it asks the registry (after a change sent to it). */
    void remove(URI url) {
        for (Form form : Form.values()) {
            try {
                Files.deleteIfExists(file(url, form));
            } catch (IOException e) {
                // a stale entry that cannot be removed is revalidated once it is no longer fresh
            }
        }
    }

    /** Return the metadata line of an entry: one JSON object and a newline. */
    private static byte[] meta(URI url, Entry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("url", url.toString());
            json.writeStringField("etag", entry.etag());
            json.writeStringField("lastModified", entry.lastModified());
            json.writeNumberField("storedAt", entry.storedAt());
            json.writeNumberField("freshSeconds", entry.freshSeconds());
            json.writeEndObject();
        }
        out.write('\n');
        return out.toByteArray();
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
