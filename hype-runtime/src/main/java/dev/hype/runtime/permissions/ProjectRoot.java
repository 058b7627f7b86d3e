package dev.hype.runtime.permissions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Find the project root, the unit of trust: only its {@code hype-lock.json} approves packages, and
 * only packages in its {@code hype_modules/} get those approvals.
 *
 * <p>The root is the nearest directory, from a start directory up, that holds a {@code hype.json}.
 * The search starts outside every {@code hype_modules/}: a start directory inside one (a package's
 * {@code bin} script run as the main script) begins at the folder holding the outermost
 * {@code hype_modules/}, so a package's own {@code hype.json} or {@code hype-lock.json} never makes
 * it a project. Without any {@code hype.json} above, the root is that starting folder itself.
 */
public final class ProjectRoot {
    private static final String INSTALL_DIR = "hype_modules";
    private static final String MANIFEST = "hype.json";

    private ProjectRoot() {
    }

    /** Return the project root for code started from the directory {@code start}, canonical where it exists. */
    public static Path find(Path start) {
        Path from = outsideInstallDirectories(real(start.toAbsolutePath().normalize()));
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MANIFEST))) {
                return dir;
            }
        }
        return from;
    }

    /** Return the project root for the script file {@code script}: {@link #find} from its directory. */
    public static Path ofScript(Path script) {
        Path absolute = script.toAbsolutePath().normalize();
        Path real = real(absolute);
        Path dir = real.getParent();
        return find(dir == null ? real : dir);
    }

    /** Return {@code dir} cut before its outermost {@code hype_modules} segment, or {@code dir} without one. */
    static Path outsideInstallDirectories(Path dir) {
        for (int i = 0; i < dir.getNameCount(); i++) {
            if (dir.getName(i).toString().equalsIgnoreCase(INSTALL_DIR)) {
                return i == 0 ? dir.getRoot() : dir.getRoot().resolve(dir.subpath(0, i));
            }
        }
        return dir;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }
}
