package dev.hype.registry.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Clean what a registry killed mid-write left in its storage, before it serves anything: temporary files, and
 * tarballs no packument lists (a publish writes the tarball first and the packument last, so a tarball without its
 * version was never published).
 */
final class StorageRecovery {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKUMENT = "package.json";
    private static final long STALE_MILLIS = 60_000;

    private StorageRecovery() {
    }

    /** Clean {@code root}; what cannot be read is left as it is. */
    static void clean(Path root) {
        removeTemporaryFiles(root, 0);
        // tokens and users: 'hype registry token create' may be writing one right now
        removeTemporaryFiles(root.resolve(".hype"), STALE_MILLIS);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : top) {
                String name = dir.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (name.startsWith("@")) {
                    try (DirectoryStream<Path> scoped = Files.newDirectoryStream(dir, Files::isDirectory)) {
                        for (Path inner : scoped) {
                            cleanPackage(inner);
                        }
                    }
                } else {
                    cleanPackage(dir);
                }
            }
        } catch (IOException e) {
            // a storage folder that cannot be listed fails later, with the request that needs it
        }
    }

    private static void cleanPackage(Path dir) throws IOException {
        removeTemporaryFiles(dir, 0);
        Set<String> listed = new HashSet<>();
        Path packument = dir.resolve(PACKUMENT);
        if (Files.isRegularFile(packument)) {
            JsonNode tree;
            try {
                tree = JSON.readTree(packument.toFile());
            } catch (IOException e) {
                return;
            }
            if (tree == null || !tree.isObject()) {
                return;
            }
            tree.path("versions").forEach(version -> {
                String tarball = version.path("dist").path("tarball").asText("");
                listed.add(tarball.substring(tarball.lastIndexOf('/') + 1));
            });
        }
        try (DirectoryStream<Path> tarballs = Files.newDirectoryStream(dir, "*.tgz")) {
            for (Path tarball : tarballs) {
                if (!listed.contains(tarball.getFileName().toString())) {
                    Files.deleteIfExists(tarball);
                }
            }
        }
        try (DirectoryStream<Path> rest = Files.newDirectoryStream(dir)) {
            if (!rest.iterator().hasNext()) {
                Files.deleteIfExists(dir);
            }
        }
    }

    /**
     * Delete the {@code .NAME.*.tmp} files atomic writes leave when the process dies before the rename, those at
     * least {@code minAgeMillis} old.
     */
    private static void removeTemporaryFiles(Path dir, long minAgeMillis) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - minAgeMillis;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path temp : temps) {
                if (minAgeMillis == 0 || Files.getLastModifiedTime(temp).toMillis() < cutoff) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException e) {
            // left for the next start
        }
    }
}
