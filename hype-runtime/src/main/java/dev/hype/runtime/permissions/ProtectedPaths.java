package dev.hype.runtime.permissions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Name the files no permission grant ever covers for writing, wherever they are: what decides which
 * code runs with which approval, and where packages come from.
 *
 * <ul>
 *   <li>every path with a segment starting {@code hype_modules} (the install directory, its
 *       {@code .bin}, and the installer's {@code hype_modules.lock}, {@code .staging-} and
 *       {@code .old-} siblings), or named {@code node_modules} (whose modules the project loads
 *       as its own code, with its rights);</li>
 *   <li>files named {@code hype-lock.json} (approvals), {@code hype.json} (a manifest, and the
 *       project's {@code --sandbox} permissions) and {@code .hyperc.json} (registries);</li>
 *   <li>everything under Hype's home ({@code $HYPE_HOME}: {@code config.json}, the package store,
 *       {@code modules/}, keys).</li>
 * </ul>
 *
 * <p>Names compare without regard to case, so case-insensitive file systems are covered too.
 */
final class ProtectedPaths {
    private static final String INSTALL_DIR = "hype_modules";
    private static final String NODE_DIR = "node_modules";
    private static final Set<String> FILES = Set.of("hype-lock.json", "hype.json", ".hyperc.json");

    /** The protection that needs no directory: the names alone. */
    static final ProtectedPaths NAMES = new ProtectedPaths(List.of());

    private final List<Path> roots;

    private ProtectedPaths(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** Return the protection of the names plus everything under {@code hypeHome}, its canonical form included. */
    static ProtectedPaths of(Path hypeHome) {
        List<Path> roots = new ArrayList<>();
        Path absolute = hypeHome.toAbsolutePath().normalize();
        roots.add(absolute);
        Path canonical = PathCanon.canonical(absolute);
        if (canonical != null && !canonical.equals(absolute)) {
            roots.add(canonical);
        }
        return new ProtectedPaths(roots);
    }

    /** Return whether the canonical {@code path} is protected, and why, or null when it is not. */
    String reason(Path path) {
        for (Path root : roots) {
            if (path.startsWith(root)) {
                return "it is inside Hype's home " + root;
            }
        }
        for (Path name : path) {
            String lower = name.toString().toLowerCase(Locale.ROOT);
            if (lower.startsWith(INSTALL_DIR)) {
                return "it is inside " + INSTALL_DIR + "/";
            }
            if (lower.equals(NODE_DIR)) {
                return "it is inside " + NODE_DIR + "/, whose modules run as the project's code";
            }
        }
        Path file = path.getFileName();
        if (file != null && FILES.contains(file.toString().toLowerCase(Locale.ROOT))) {
            return "it is " + file;
        }
        return null;
    }
}
