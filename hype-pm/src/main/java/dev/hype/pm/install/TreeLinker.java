package dev.hype.pm.install;

import dev.hype.pm.files.FileModes;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reproduce a directory tree by hard links, falling back to copies where the filesystem refuses links.
 */
final class TreeLinker {
    private volatile boolean linksWork = true;

    void linkTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else if (Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
                    linkFile(from, to);
                }
            }
        }
    }

    private void linkFile(Path from, Path to) throws IOException {
        if (linksWork) {
            try {
                Files.createLink(to, from);
                return;
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
    }
}
