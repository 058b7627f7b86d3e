package dev.hype.pm.store;

import dev.hype.pm.pack.Integrity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compute the per-file hashes of a package directory. */
public final class FileIndex {
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
                String relative = relative(directory, file);
                if (!ignored.contains(relative)) {
                    result.put(relative, hashFile(file));
                }
            }
        }
        return result;
    }

    /** Return the sha512 SRI of one file's bytes. */
    public static String hashFile(Path file) throws IOException {
        return Integrity.sha512(Files.readAllBytes(file)).sri();
    }

    /** Return {@code file} relative to {@code directory}, with {@code /} separators. */
    public static String relative(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }
}
