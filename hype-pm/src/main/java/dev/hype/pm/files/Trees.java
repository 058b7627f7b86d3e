package dev.hype.pm.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;

/** Delete directory trees, including the read-only files of the store and of trees linked from it. */
public final class Trees {
    private Trees() {
    }

    /** Delete {@code dir} and everything under it; symbolic links are deleted, never followed. Absent is fine. */
    public static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                remove(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                remove(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Delete {@code dir} as {@link #delete} does and return whether it is gone, without throwing. */
    public static boolean deleteQuietly(Path dir) {
        try {
            delete(dir);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static void remove(Path path) throws IOException {
        try {
            Files.deleteIfExists(path);
        } catch (AccessDeniedException e) {
            // Windows refuses to delete a read-only file; POSIX systems only look at the directory's mode
            DosFileAttributeView dos = Files.getFileAttributeView(path, DosFileAttributeView.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (dos == null) {
                throw e;
            }
            dos.setReadOnly(false);
            Files.deleteIfExists(path);
        }
    }
}
