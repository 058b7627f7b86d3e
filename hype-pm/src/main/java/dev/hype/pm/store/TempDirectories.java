package dev.hype.pm.store;

import dev.hype.pm.files.FileModes;
import dev.hype.pm.files.Trees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Make the store's temporary directories, named {@code KIND-PID-RANDOM} so that a later process can tell which ones
 * a killed process left behind: those whose process is gone.
 */
final class TempDirectories {
    private TempDirectories() {
    }

    /** Create a new directory {@code KIND-PID-RANDOM} under {@code parent}. */
    static Path create(Path parent, String kind) throws IOException {
        Files.createDirectories(parent);
        Path dir = Files.createTempDirectory(parent, kind + "-" + ProcessHandle.current().pid() + "-");
        FileModes.set(dir, FileModes.directory());
        return dir;
    }

    /** Return a fresh name {@code KIND-PID-RANDOM} under {@code parent} that nothing uses, to rename something to. */
    static Path reserve(Path parent, String kind) throws IOException {
        Path dir = create(parent, kind);
        Files.delete(dir);
        return dir;
    }

    /** Delete every directory under {@code parent} whose process has ended; return how many. */
    static int sweep(Path parent) {
        int removed = 0;
        if (!Files.isDirectory(parent)) {
            return removed;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
            for (Path entry : entries) {
                if (!ownerAlive(entry.getFileName().toString()) && Trees.deleteQuietly(entry)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // best effort: prune removes the rest
        }
        return removed;
    }

    private static boolean ownerAlive(String name) {
        String[] parts = name.split("-");
        if (parts.length < 3) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
