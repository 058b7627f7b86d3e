package dev.hype.registry.storage;

import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Write files so that readers see either the old content or the new, never a torn mix; the files stay owner-only
 * (tokens and users), and each is flushed to the disk before and after its rename.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Write {@code content} to a temporary file beside {@code target}, then rename it into place. */
    public static void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temp = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            AtomicWrite.move(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
        AtomicWrite.syncDirectory(directory);
    }
}
