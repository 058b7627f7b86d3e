package dev.hype.runtime.permissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolve a path as the operating system will when it opens it: symbolic links followed (also
 * dangling ones, and in directories that do not exist yet) and {@code ..} applied after them, so a
 * permission check sees the file that would really be touched.
 */
final class PathCanon {
    private static final int MAX_LINKS = 40;

    private PathCanon() {
    }

    /** Return the canonical form of the absolute {@code path}, or null when links loop. */
    static Path canonical(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return walk(path);
        }
    }

    private static Path walk(Path path) {
        Path root = path.getRoot();
        Deque<String> todo = new ArrayDeque<>();
        for (Path name : path) {
            todo.addLast(name.toString());
        }
        Path current = root;
        int links = 0;
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            Path next = current.resolve(name);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    return null;
                }
                Path target;
                try {
                    target = Files.readSymbolicLink(next);
                } catch (IOException e) {
                    return null;
                }
                Deque<String> names = new ArrayDeque<>();
                for (Path part : target) {
                    names.addLast(part.toString());
                }
                while (!names.isEmpty()) {
                    todo.addFirst(names.removeLast());
                }
                if (target.isAbsolute()) {
                    current = target.getRoot();
                }
                continue;
            }
            current = next;
        }
        return current;
    }
}
