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
        int end = text.indexOf('\n');
        if (!text.startsWith(HEADER) || (end >= 0 ? end : text.length()) != HEADER.length()) {
            throw new IOException(file + " is not a store index");
        }
        // split by hand: String.split and a regex per line are slow in a JVM that has not warmed up
        Map<String, FileRecord> result = new TreeMap<>();
        int[] tabs = new int[5];
        for (int line = 2, start = end + 1; end >= 0 && start < text.length(); line++, start = end + 1) {
            end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop == start) {
                continue;
            }
            int count = 0;
            for (int i = text.indexOf('\t', start); i >= 0 && i < stop; i = text.indexOf('\t', i + 1)) {
                if (count == tabs.length) {
                    count++;
                    break;
                }
                tabs[count++] = i;
            }
            if (count != tabs.length) {
                throw new IOException(file + ":" + line + ": expected 6 fields");
            }
            String key = text.substring(tabs[1] + 1, tabs[2]);
            String path = text.substring(tabs[4] + 1, stop);
            try {
                result.put(path.indexOf('%') < 0 ? path : unescape(path), new FileRecord(
                        text.substring(tabs[3] + 1, tabs[4]), Long.parseLong(text, start, tabs[0], 10),
                        Long.parseLong(text, tabs[0] + 1, tabs[1], 10), key.equals("-") ? null : key,
                        tabs[3] - tabs[2] == 2 && text.charAt(tabs[2] + 1) == 'x'));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + line + ": " + e.getMessage(), e);
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
