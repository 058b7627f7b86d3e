package dev.hype.pm.install;

import dev.hype.pm.files.FileModes;
import dev.hype.pm.store.FileRecord;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reproduce a directory tree by hard links, falling back to copies where the filesystem refuses links.
 */
final class TreeLinker {
    private volatile boolean linksWork = true;

    /**
     * Reproduce {@code source} at {@code target}; return each placed file's size and modification time (nanoseconds),
     * by relative path. A hard link shares the source's; a copy has its own.
     */
    Map<String, long[]> linkTree(Path source, Path target) throws IOException {
        Map<String, long[]> stamps = new HashMap<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    String relative = source.relativize(file).toString();
                    Path to = target.resolve(relative);
                    BasicFileAttributes placed = linkFile(file, to) ? attrs
                            : Files.readAttributes(to, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    stamps.put(relative.replace('\\', '/'), new long[] {placed.size(),
                        placed.lastModifiedTime().to(TimeUnit.NANOSECONDS)});
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return stamps;
    }

    /**
     * Reproduce the store entry unpacked in {@code source} at {@code target} from its index ({@code records}, as the
     * store checked them), without listing its directories: the placed files are those the index names, and a hard
     * link's stamp is its record's. Folders holding no file are not made; an install has no use for them. Return
     * what {@link #linkTree} returns.
     */
    Map<String, long[]> linkIndexed(Path source, Map<String, FileRecord> records, Path target) throws IOException {
        Map<String, long[]> stamps = new HashMap<>();
        Set<String> made = new HashSet<>();
        Files.createDirectories(target);
        for (var e : records.entrySet()) {
            String relative = e.getKey();
            int slash = relative.lastIndexOf('/');
            if (slash > 0 && made.add(relative.substring(0, slash))) {
                Files.createDirectories(target.resolve(relative.substring(0, slash)));
            }
            Path to = target.resolve(relative);
            if (linkFile(source.resolve(relative), to)) {
                stamps.put(relative, new long[] {e.getValue().size(), e.getValue().modified()});
            } else {
                BasicFileAttributes placed = Files.readAttributes(to, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                stamps.put(relative, new long[] {placed.size(), placed.lastModifiedTime().to(TimeUnit.NANOSECONDS)});
            }
        }
        return stamps;
    }

    /** Link or copy {@code from} to {@code to}; return whether it was linked. */
    private boolean linkFile(Path from, Path to) throws IOException {
        if (linksWork) {
            try {
                Files.createLink(to, from);
                return true;
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                    throw e;
                }
                linksWork = false;
            }
        }
        // a copy is the project's own file: writable, with the mode the umask gives, executable if the source is
        Files.copy(from, to);
        FileModes.set(to, FileModes.file(FileModes.of(from).map(FileModes::executable).orElse(false)));
        return false;
    }
}
