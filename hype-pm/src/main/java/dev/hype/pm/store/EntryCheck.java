package dev.hype.pm.store;

import dev.hype.pm.files.FileModes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Compare an unpacked package directory with the records of its files, as pnpm checks its store: a file whose size
 * differs is damaged; a file whose modification time or inode changed is hashed again; an untouched file is trusted
 * without reading it. A full check hashes every file.
 */
final class EntryCheck {
    /** What a check found: the problems, and the records to keep (stamps refreshed where a file was re-hashed). */
    record Outcome(List<String> problems, Map<String, FileRecord> records, boolean restamped) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private EntryCheck() {
    }

    /**
     * Seal a freshly unpacked {@code directory}: make every file read-only (so that a write through a hard link
     * fails where permissions are enforced), give directories the umask's mode, and record every file as it is now.
     */
    static Map<String, FileRecord> seal(Path directory) throws IOException {
        Map<String, FileRecord> records = new HashMap<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(directory)) {
                    // the unpacker's staging folder is owner-only; the folders inside it already follow the umask
                    FileModes.set(dir, FileModes.directory());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    boolean executable = FileModes.of(file).map(FileModes::executable).orElse(false);
                    FileModes.set(file, FileModes.readOnly(executable));
                    BasicFileAttributes sealed = Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    records.put(FileIndex.relative(directory, file), stamp(file, sealed, FileIndex.hashFile(file),
                            executable));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return records;
    }

    /**
     * Check {@code directory} against {@code records}; {@code full} hashes every file. The directories are listed
     * and each entry is read once, with no other work per untouched file: every install checks each entry it links
     * this way, in a JVM that has not warmed up. The records come back as given unless a file was re-hashed.
     *
     * @throws NoSuchFileException or {@link NotDirectoryException} when {@code directory} is missing or is not a
     *     folder (a link to one is not)
     */
    static Outcome check(Path directory, Map<String, FileRecord> records, boolean full) throws IOException {
        if (!Files.readAttributes(directory, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
            throw new NotDirectoryException(directory.toString()); // a link to a folder elsewhere, say
        }
        Checker checker = new Checker(records, full);
        checker.walk(directory, "");
        List<String> problems = checker.problems;
        if (checker.found != records.size()) {
            for (String path : new TreeSet<>(records.keySet())) {
                if (!checker.seen.contains(path)) {
                    problems.add(path + " is missing");
                }
            }
        }
        Map<String, FileRecord> kept = checker.restamped == null ? records
                : Collections.unmodifiableMap(checker.restamped);
        return new Outcome(List.copyOf(problems), kept, checker.restamped != null);
    }

    /** The state of one {@link #check}: what it found so far. */
    private static final class Checker {
        final Map<String, FileRecord> records;
        final boolean full;
        final List<String> problems = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        /** How many of the records' paths were met. */
        int found;
        /** The records with the re-hashed files' new stamps, once one was. */
        Map<String, FileRecord> restamped;

        Checker(Map<String, FileRecord> records, boolean full) {
            this.records = records;
            this.full = full;
        }

        /** Visit everything under {@code dir}, whose path relative to the package is {@code prefix}. */
        void walk(Path dir, String prefix) throws IOException {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    String path = prefix + entry.getFileName().toString();
                    BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attrs.isDirectory()) {
                        walk(entry, path + "/");
                    } else {
                        visit(entry, path, attrs);
                    }
                }
            }
        }

        private void visit(Path file, String path, BasicFileAttributes attrs) throws IOException {
            FileRecord record = records.get(path);
            if (record != null) {
                found++;
            }
            seen.add(path);
            if (!attrs.isRegularFile()) {
                problems.add(path + " is not a regular file");
            } else if (record == null) {
                problems.add(path + " was added");
            } else if (attrs.size() != record.size()) {
                problems.add(path + " changed size (" + record.size() + " -> " + attrs.size() + " bytes)");
            } else {
                boolean same = sameStamp(record, file, attrs);
                if (full || !same) {
                    if (!FileIndex.hashFile(file).equals(record.integrity())) {
                        problems.add(path + " was modified");
                    } else if (!same) {
                        if (restamped == null) {
                            restamped = new TreeMap<>(records);
                        }
                        restamped.put(path, stamp(file, attrs, record.integrity(), record.executable()));
                    }
                }
            }
        }
    }

    /**
     * Compare the files under {@code directory} with {@code records} by name and size only, without reading them:
     * what a killed copy or a deleted or truncated file leaves. Top-level names in {@code ignored} are skipped; the
     * files named in {@code hashed} are hashed too.
     */
    static List<String> compareSizes(Path directory, Map<String, FileRecord> records, Set<String> ignored,
                                     Set<String> hashed) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String path = FileIndex.relative(directory, file);
                if (ignored.contains(path)) {
                    return FileVisitResult.CONTINUE;
                }
                seen.add(path);
                FileRecord record = records.get(path);
                if (record == null) {
                    problems.add(path + " was added");
                } else if (!attrs.isRegularFile() || attrs.size() != record.size()) {
                    problems.add(path + " changed size");
                } else if (hashed.contains(path) && !FileIndex.hashFile(file).equals(record.integrity())) {
                    problems.add(path + " was modified");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (String path : new TreeSet<>(records.keySet())) {
            if (!seen.contains(path)) {
                problems.add(path + " is missing");
            }
        }
        return problems;
    }

    private static boolean sameStamp(FileRecord record, Path file, BasicFileAttributes attrs) {
        return record.modified() == nanos(attrs) && java.util.Objects.equals(record.key(), key(attrs));
    }

    private static FileRecord stamp(Path file, BasicFileAttributes attrs, String integrity, boolean executable) {
        return new FileRecord(integrity, attrs.size(), nanos(attrs), key(attrs), executable);
    }

    private static long nanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static String key(BasicFileAttributes attrs) {
        Object key = attrs.fileKey();
        return key == null ? null : key.toString();
    }
}
