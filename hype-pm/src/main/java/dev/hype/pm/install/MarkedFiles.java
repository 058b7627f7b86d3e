package dev.hype.pm.install;

import dev.hype.pm.store.FileIndex;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Compare an installed package with what its marker says it was installed with: the same files with the same sizes
 * (read from the directory, no file opened), and {@code hype.json} with the same hash.
 */
final class MarkedFiles {
    private MarkedFiles() {
    }

    static boolean intact(InstalledPackage installed) {
        Map<String, Long> expected = installed.files();
        Path dir = installed.directory();
        int[] seen = {0};
        boolean[] same = {true};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String path = FileIndex.relative(dir, file);
                    if (path.equals(InstallMarker.FILE_NAME)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Long size = expected.get(path);
                    if (size == null || !attrs.isRegularFile() || attrs.size() != size) {
                        same[0] = false;
                        return FileVisitResult.TERMINATE;
                    }
                    seen[0]++;
                    return FileVisitResult.CONTINUE;
                }
            });
            if (!same[0] || seen[0] != expected.size()) {
                return false;
            }
            String manifest = installed.manifestIntegrity();
            return manifest == null || manifest.equals(FileIndex.hashFile(dir.resolve("hype.json")));
        } catch (IOException e) {
            return false;
        }
    }
}
