package dev.hype.pm.install;

import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Read and write {@code hype_modules/.hype-installed}, which lets an install that would change nothing return without
 * resolving, fetching or hashing: it records the {@code hype.json} and {@code hype-lock.json} (and the install
 * switches) the tree was installed for, byte for byte, and the type, size, modification time and inode of every directory,
 * file and link in the tree as the install left it.
 *
 * <p>The tree is taken as unchanged only when that key matches, {@code hype_modules/} lists exactly the recorded
 * top-level names, and every recorded entry still has its recorded stamp: a file written through a link, replaced,
 * added or deleted anywhere changes the stamp of the file or of its directory. Anything else, a missing or unreadable
 * marker included, means the full install runs; it rewrites the marker. The marker is written inside the staged tree
 * before the journal's commit point, so it appears with the tree it describes; when the tree is kept as it was, it is
 * replaced by a rename once the project files are committed. A marker never describes a tree it did not check: a file
 * whose stamp differs from what its package was placed with leaves no marker.
 */
public final class TreeState {
    /** The marker's file name inside {@code hype_modules/}. */
    public static final String FILE_NAME = ".hype-installed";
    private static final String HEADER = "hype-installed 1";

    private TreeState() {
    }

    /**
     * Return the key of what a tree is installed for: the bytes of {@code hype.json} and {@code hype-lock.json} and
     * the install switches that change the tree ({@code switches}, such as {@code --production} and the features
     * asked for), each after its length. The marker keeps the key whole and compares it byte for byte, as npm's
     * hidden lockfile and pnpm's {@code lock.yaml} copy do: exact, and cheaper than hashing in a JVM just started.
     */
    public static byte[] key(byte[] manifest, byte[] lockfile, String switches) {
        java.io.ByteArrayOutputStream key = new java.io.ByteArrayOutputStream(manifest.length + lockfile.length + 64);
        for (byte[] part : List.of(switches.getBytes(StandardCharsets.UTF_8), manifest, lockfile)) {
            key.writeBytes((part.length + ":").getBytes(StandardCharsets.US_ASCII));
            key.writeBytes(part);
        }
        return key.toByteArray();
    }

    /**
     * Return how many packages {@code modules} holds when its marker records {@code key} and the tree is exactly as
     * the marker records it; empty otherwise (no marker, another key, or anything in the tree changed).
     */
    public static OptionalInt unchanged(Path modules, byte[] key) {
        try {
            byte[] marker = Files.readAllBytes(modules.resolve(FILE_NAME));
            String prefix = HEADER + "\nkey " + key.length + "\n";
            int start = prefix.length();
            if (marker.length < start + key.length + 1
                    || !Arrays.equals(marker, 0, start, prefix.getBytes(StandardCharsets.US_ASCII), 0, start)
                    || !Arrays.equals(marker, start, start + key.length, key, 0, key.length)
                    || marker[start + key.length] != '\n') {
                return OptionalInt.empty();
            }
            String[] lines = new String(marker, start + key.length + 1, marker.length - start - key.length - 1,
                    StandardCharsets.UTF_8).split("\n");
            if (lines.length < 1 || !lines[0].startsWith("packages ")) {
                return OptionalInt.empty();
            }
            int packages = Integer.parseInt(lines[0].substring("packages ".length()));
            Set<String> topLevel = new HashSet<>();
            for (int i = 1; i < lines.length; i++) {
                Stamp recorded = Stamp.parse(lines[i]);
                if (recorded == null || !recorded.equals(Stamp.of(modules, recorded.path()))) {
                    return OptionalInt.empty();
                }
                if (recorded.path().indexOf('/') < 0) {
                    topLevel.add(recorded.path());
                }
            }
            return topLevel.equals(topLevel(modules)) ? OptionalInt.of(packages) : OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Record {@code modules} as installed for {@code key}, holding {@code placed}: each package's files (relative
     * path to size and modification time) as they were linked or checked. Return whether the marker was written: not
     * when a file's stamp differs from what its package was placed with, or a name cannot be recorded.
     */
    public static boolean write(Path modules, byte[] key, Map<String, Map<String, long[]>> placed)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("packages " + placed.size());
        List<Path> top = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modules)) {
            entries.forEach(top::add);
        }
        // each top-level entry (a package, a scope, .bin) on its own, a few at a time
        List<List<String>> parts = Parallel.map(top, entry -> {
            List<String> part = new ArrayList<>();
            return record(entry, entry.getFileName().toString(), part, placed) ? part : null;
        });
        for (List<String> part : parts) {
            if (part == null) {
                Files.deleteIfExists(modules.resolve(FILE_NAME));
                return false;
            }
            lines.addAll(part);
        }
        java.io.ByteArrayOutputStream marker = new java.io.ByteArrayOutputStream();
        marker.writeBytes((HEADER + "\nkey " + key.length + "\n").getBytes(StandardCharsets.US_ASCII));
        marker.writeBytes(key);
        marker.writeBytes(("\n" + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        AtomicWrite.write(modules.resolve(FILE_NAME), marker.toByteArray());
        return true;
    }

    /**
     * Add a line for {@code entry} (relative path {@code path}) and, for a folder, everything under it to
     * {@code lines}, folders before their contents; return {@code false} as soon as a file differs from what its
     * package was placed with or a name cannot be recorded. A listing and one read of each entry's attributes, with
     * the relative paths put together as it goes: this runs over every file of the tree at every install that
     * changes it.
     */
    private static boolean record(Path entry, String path, List<String> lines, Map<String, Map<String, long[]>> placed)
            throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        boolean folder = attrs.isDirectory();
        if (!folder && (path.equals(FILE_NAME) || AtomicWrite.isTemporaryFor(path, FILE_NAME))) {
            return true;
        }
        if (attrs.isRegularFile() && !asPlaced(path, attrs, placed)
                || path.indexOf('\t') >= 0 || path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0) {
            return false;
        }
        lines.add(Stamp.of(path, attrs).line());
        if (folder) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(entry)) {
                for (Path inside : entries) {
                    if (!record(inside, path + "/" + inside.getFileName().toString(), lines, placed)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Delete the marker, so that the next install takes the full path. */
    public static void forget(Path modules) throws IOException {
        Files.deleteIfExists(modules.resolve(FILE_NAME));
    }

    /** Tell whether a file of the tree has the size and time its package was placed with (links have any). */
    private static boolean asPlaced(String path, BasicFileAttributes attrs, Map<String, Map<String, long[]>> placed) {
        int slash = path.indexOf('/');
        if (slash < 0 || path.startsWith(InstalledTree.BIN + "/")) {
            return true;
        }
        int end = path.startsWith("@") ? path.indexOf('/', slash + 1) : slash;
        if (end < 0) {
            return false;
        }
        Map<String, long[]> files = placed.get(path.substring(0, end));
        String inside = path.substring(end + 1);
        if (files == null) {
            return false;
        }
        if (inside.equals(InstallMarker.FILE_NAME)) {
            return true;
        }
        long[] stamp = files.get(inside);
        return stamp != null && stamp[0] == attrs.size() && stamp[1] == attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static Set<String> topLevel(Path modules) throws IOException {
        Set<String> names = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modules)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(FILE_NAME) && !AtomicWrite.isTemporaryFor(name, FILE_NAME)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** One entry of the tree: its type ({@code d}, {@code f}, {@code l} or {@code o}), size, time and inode. */
    private record Stamp(char type, long size, long modified, String key, String path) {
        static Stamp of(String path, BasicFileAttributes attrs) {
            char type = attrs.isDirectory() ? 'd' : attrs.isRegularFile() ? 'f' : attrs.isSymbolicLink() ? 'l' : 'o';
            // a directory's size says nothing; its time changes when an entry is added, removed or renamed
            return new Stamp(type, type == 'd' ? 0 : attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    Objects.toString(attrs.fileKey(), "-"), path);
        }

        static Stamp of(Path modules, String path) throws IOException {
            try {
                return of(path, Files.readAttributes(modules.resolve(path), BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS));
            } catch (NoSuchFileException e) {
                return null;
            }
        }

        static Stamp parse(String line) {
            String[] f = line.split("\t", 5);
            if (f.length != 5 || f[0].length() != 1) {
                return null;
            }
            return new Stamp(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3], f[4]);
        }

        String line() {
            return type + "\t" + size + "\t" + modified + "\t" + key + "\t" + path;
        }

        // equals and hashCode written out: a record's generated ones are bootstrapped through method handles spun
        // on first use, which no AOT cache holds; that cost a no-op install tens of milliseconds.
        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp s && type == s.type && size == s.size && modified == s.modified
                    && Objects.equals(key, s.key) && Objects.equals(path, s.path);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, size, modified, key, path);
        }
    }
}
