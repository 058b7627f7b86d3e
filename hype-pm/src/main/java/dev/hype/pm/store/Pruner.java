package dev.hype.pm.store;

import dev.hype.pm.files.Trees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Remove what no project needs from the store, while holding it alone: leftovers of killed installs, incomplete
 * entries, and entries no project links. As pnpm does, an entry counts as unused when none of its files has another
 * hard link: every project that installed it links its files, so each such file has a link count above 1.
 */
final class Pruner {
    private final Path layout;

    Pruner(Path layout) {
        this.layout = layout;
    }

    StorePruning prune(List<Path> entries) {
        int temporary = clear(layout.resolve("tmp"));
        boolean linkCounts = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
        int removed = 0;
        int incomplete = 0;
        int kept = 0;
        long bytes = 0;
        for (Path entry : entries) {
            Path dir = entry.resolve(ContentStore.PACKAGE);
            boolean indexed = Files.isRegularFile(entry.resolve(EntryIndex.FILE_NAME))
                    || Files.isRegularFile(entry.resolve(EntryIndex.LEGACY_FILE_NAME));
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !indexed) {
                if (Trees.deleteQuietly(entry)) {
                    incomplete++;
                }
                continue;
            }
            long size = linkCounts ? unlinkedSize(dir) : -1;
            if (size >= 0 && Trees.deleteQuietly(entry)) {
                removed++;
                bytes += size;
            } else {
                kept++;
            }
        }
        removeLeftoverLocks();
        return new StorePruning(removed, incomplete, temporary, kept, bytes, linkCounts);
    }

    /** Return the total size of the files under {@code dir} if none has another link, else -1. */
    private static long unlinkedSize(Path dir) {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Object links = Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                    if (links instanceof Integer n && n > 1) {
                        total[0] = -1;
                        return FileVisitResult.TERMINATE;
                    }
                    total[0] += attrs.size();
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return -1;
        }
        return total[0];
    }

    private static int clear(Path tmp) {
        int count = 0;
        if (!Files.isDirectory(tmp)) {
            return count;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
            for (Path entry : entries) {
                if (Trees.deleteQuietly(entry)) {
                    count++;
                }
            }
        } catch (IOException e) {
            // what cannot be listed stays for the next prune
        }
        return count;
    }

    /** Delete the per-entry {@code .lock} files older versions made, and prefix folders left empty. */
    private void removeLeftoverLocks() {
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(layout, Files::isDirectory)) {
            for (Path algorithm : algorithms) {
                if (algorithm.getFileName().toString().equals("tmp")) {
                    continue;
                }
                try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(algorithm, Files::isDirectory)) {
                    for (Path prefix : prefixes) {
                        try (DirectoryStream<Path> locks = Files.newDirectoryStream(prefix, "*.lock")) {
                            for (Path lock : locks) {
                                Files.deleteIfExists(lock);
                            }
                        }
                        try (DirectoryStream<Path> rest = Files.newDirectoryStream(prefix)) {
                            if (!rest.iterator().hasNext()) {
                                Files.deleteIfExists(prefix);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            // leftovers stay for the next prune
        }
    }
}
