package dev.hype.pm.install;

import dev.hype.pm.store.FileIndex;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compare an installed package with what its marker says it was installed with: the same files with the same sizes
 * and modification times, read from the directory without opening a file. A {@code hype.json} (which permissions are
 * read from) whose time changed but not its size is hashed and compared; any other change means the package is
 * relinked.
 */
final class MarkedFiles {
    private static final String MANIFEST = "hype.json";
    private MarkedFiles() {
    }

    static boolean intact(InstalledPackage installed) {
        Map<String, long[]> expected = installed.files();
        Path dir = installed.directory();
        int[] seen = {0};
        boolean[] same = {true};
        boolean[] hashManifest = {false};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = FileIndex.relative(dir, file);
                    if (path.equals(InstallMarker.FILE_NAME)) {
                        return FileVisitResult.CONTINUE;
                    }
                    long[] stamp = expected.get(path);
                    if (stamp == null || !attrs.isRegularFile() || attrs.size() != stamp[0]) {
                        same[0] = false;
                        return FileVisitResult.TERMINATE;
                    }
                    if (attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) != stamp[1]) {
                        if (!path.equals(MANIFEST) || installed.manifestIntegrity() == null) {
                            same[0] = false;
                            return FileVisitResult.TERMINATE;
                        }
                        hashManifest[0] = true;
                    }
                    seen[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
            if (!same[0] || seen[0] != expected.size()) {
                return false;
            }
            return !hashManifest[0]
                    || installed.manifestIntegrity().equals(FileIndex.hashFile(dir.resolve(MANIFEST)));
        } catch (IOException e) {
            return false;
        }
    }
}
