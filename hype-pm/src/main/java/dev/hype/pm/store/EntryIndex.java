package dev.hype.pm.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Read and write a store entry's {@code index.tsv}: every file of the unpacked package with its hash, size and
 * stamp, one per line after a header:
 *
 * <pre>
 * hype-store-index 1
 * SIZE TAB MODIFIED TAB KEY TAB x-or-minus TAB INTEGRITY TAB PATH
 * </pre>
 *
 * <p>{@code KEY} is {@code -} when the filesystem has no file keys; in {@code PATH}, {@code %}, tab, line feed and
 * carriage return are written {@code %25}, {@code %09}, {@code %0A} and {@code %0D}. A plain line format, not JSON:
 * every install reads one index per package it links, in a JVM that has not warmed up, where a JSON parser costs
 * about a millisecond a file. Entries written before this index existed have only {@code files.json} (path to hash).
 */
final class EntryIndex {
    static final String FILE_NAME = "index.tsv";
    static final String LEGACY_FILE_NAME = "files.json";
    private static final String HEADER = "hype-store-index 1";

    private EntryIndex() {
    }

    static Map<String, FileRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(HEADER)) {
            throw new IOException(file + " is not a store index");
        }
        Map<String, FileRecord> result = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            String[] f = lines[i].split("\t", -1);
            if (f.length != 6) {
                throw new IOException(file + ":" + (i + 1) + ": expected 6 fields");
            }
            try {
                result.put(unescape(f[5]), new FileRecord(f[4], Long.parseLong(f[0]), Long.parseLong(f[1]),
                        f[2].equals("-") ? null : f[2], f[3].equals("x")));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(result);
    }

    static Map<String, String> readLegacy(Path file) throws IOException {
        return LegacyJson.MAPPER.readValue(file.toFile(), new TypeReference<TreeMap<String, String>>() { });
    }

    /** Hold the JSON mapper for old entries only, so that an install that meets none never builds one. */
    private static final class LegacyJson {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    static void write(Path file, Map<String, FileRecord> records) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        new TreeMap<>(records).forEach((path, r) -> text.append(r.size()).append('\t').append(r.modified())
                .append('\t').append(r.key() == null ? "-" : r.key()).append('\t').append(r.executable() ? "x" : "-")
                .append('\t').append(r.integrity()).append('\t').append(escape(path)).append('\n'));
        AtomicWrite.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> hashes(Map<String, FileRecord> records) {
        Map<String, String> result = new TreeMap<>();
        records.forEach((path, r) -> result.put(path, r.integrity()));
        return result;
    }

    private static String escape(String path) {
        return path.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static String unescape(String path) {
        return path.replace("%09", "\t").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }
}
