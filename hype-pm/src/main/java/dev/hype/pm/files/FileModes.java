package dev.hype.pm.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compute the modes of the files and directories hype creates: what the process's umask allows, as {@code open(2)}
 * and {@code mkdir(2)} would give them, since Java's temporary files are always owner-only.
 *
 * <p>On a filesystem without POSIX permissions every method that sets a mode does nothing.
 */
public final class FileModes {
    private static final List<PosixFilePermission> BITS = List.of(
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ);

    private static volatile Integer umask;

    private FileModes() {
    }

    /** Return the process's umask, read once from {@code /proc/self/status}, else probed with a new file. */
    public static int umask() {
        Integer value = umask;
        if (value == null) {
            value = readUmask();
            umask = value;
        }
        return value;
    }

    /** Return the mode of a new regular file: {@code 0666} or, when executable, {@code 0777}, less the umask. */
    public static Set<PosixFilePermission> file(boolean executable) {
        return fromBits((executable ? 0777 : 0666) & ~umask());
    }

    /** Return the mode of a new directory: {@code 0777} less the umask. */
    public static Set<PosixFilePermission> directory() {
        return fromBits(0777 & ~umask());
    }

    /** Return a read-only file mode: {@code 0444} or, when executable, {@code 0555}, less the umask. */
    public static Set<PosixFilePermission> readOnly(boolean executable) {
        return fromBits((executable ? 0555 : 0444) & ~umask());
    }

    /** Return the mode of {@code path}, if it exists and the filesystem has modes. */
    public static Optional<Set<PosixFilePermission>> of(Path path) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(view.readAttributes().permissions());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Set the mode of {@code path} where the filesystem has POSIX permissions. */
    public static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(mode);
        }
    }

    /** Tell whether {@code mode} lets the owner execute. */
    public static boolean executable(Set<PosixFilePermission> mode) {
        return mode.contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** Return {@code mode} as octal bits, such as {@code 0644}. */
    public static int bits(Set<PosixFilePermission> mode) {
        int bits = 0;
        for (int i = 0; i < BITS.size(); i++) {
            if (mode.contains(BITS.get(i))) {
                bits |= 1 << i;
            }
        }
        return bits;
    }

    static Set<PosixFilePermission> fromBits(int bits) {
        Set<PosixFilePermission> mode = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.size(); i++) {
            if ((bits & (1 << i)) != 0) {
                mode.add(BITS.get(i));
            }
        }
        return mode;
    }

    private static int readUmask() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return Integer.parseInt(line.substring("Umask:".length()).strip(), 8);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an old kernel: probe instead
        }
        return probeUmask();
    }

    /** Create a file with no explicit mode and see what the umask left of {@code 0666}. */
    private static int probeUmask() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path probe = dir.resolve(".hype-umask-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createFile(probe);
            try {
                return of(probe).map(mode -> 0666 & ~bits(mode)).orElse(022);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            return 022;
        }
    }
}
