package dev.hype.pm.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replace a file so that readers, and a process killed at any instant, see the old content or the new, never a mix.
 *
 * <p>The content goes to {@code .NAME.RANDOM.tmp} beside the target and is renamed over it. The new file keeps the
 * mode of the file it replaces; a file that did not exist gets the mode the umask allows ({@code 0644} under the
 * usual {@code 022}). A durable write also flushes the file and its directory to the disk, so that it survives a
 * power loss too; the installer does not need that against a killed process and skips it.
 */
public final class AtomicWrite {
    private static final String SUFFIX = ".tmp";

    private AtomicWrite() {
    }

    /** Replace {@code target} with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(prepare(target, content, false), target, false);
    }

    /** Replace {@code target} with {@code content} and flush both to the disk before returning. */
    public static void writeDurably(Path target, byte[] content) throws IOException {
        replace(prepare(target, content, true), target, true);
    }

    /**
     * Write {@code content} to a new temporary file beside {@code target}, with the mode {@code target} has or would
     * get, and return it; {@link #replace} later renames it into place.
     */
    public static Path prepare(Path target, byte[] content, boolean durable) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, prefix(absolute), SUFFIX);
        try {
            FileModes.set(temp, FileModes.of(absolute).orElseGet(() -> FileModes.file(false)));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (durable) {
                    channel.force(true);
                }
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Rename {@code temp}, made by {@link #prepare}, over {@code target}; delete it if the rename fails. */
    public static void replace(Path temp, Path target, boolean durable) throws IOException {
        try {
            move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (durable) {
            syncDirectory(target.toAbsolutePath().getParent());
        }
    }

    /** Tell whether {@code fileName} is a temporary file {@link #prepare} made for a target named {@code target}. */
    public static boolean isTemporaryFor(String fileName, String target) {
        return fileName.startsWith("." + target + ".") && fileName.endsWith(SUFFIX);
    }

    /**
     * Delete the temporary files of {@code target} that killed writes left: those {@link #prepare} made for it that
     * are older than {@code minAgeMillis} (a live write's temporary file exists only for a moment).
     */
    public static void removeStale(Path target, long minAgeMillis) {
        Path absolute = target.toAbsolutePath();
        long cutoff = System.currentTimeMillis() - minAgeMillis;
        String name = absolute.getFileName().toString();
        try (var temps = Files.newDirectoryStream(absolute.getParent(),
                p -> isTemporaryFor(p.getFileName().toString(), name))) {
            for (Path temp : temps) {
                if (Files.getLastModifiedTime(temp).toMillis() < cutoff) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (IOException | RuntimeException e) {
            // left for a later write
        }
    }

    /** Rename {@code from} to {@code to} atomically where the filesystem can, replacing {@code to}. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Flush a directory's entries to the disk; a filesystem that cannot is left as it is. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // Windows and some filesystems cannot open or flush a directory; the rename itself still happened
        }
    }

    private static String prefix(Path target) {
        return "." + target.getFileName() + ".";
    }
}
