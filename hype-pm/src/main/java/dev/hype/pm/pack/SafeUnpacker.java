package dev.hype.pm.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Check and extract tarballs entry by entry, rejecting anything unsafe. */
final class SafeUnpacker implements Unpacker {

    private static final int MAX_MANIFEST_BYTES = 1 << 20;
    /** What a tar needs beyond its files' data per entry: its header, PAX or long-name headers, and padding. */
    private static final long ENTRY_OVERHEAD = 8 * 512;
    /** The inflated bytes allowed beyond that: long-name headers before an entry, the end blocks, record padding. */
    private static final long SLACK = 64 << 10;

    private final long maxUnpackedBytes;
    private final int maxEntries;
    private final java.time.Duration maxTime;

    SafeUnpacker(long maxUnpackedBytes, int maxEntries, java.time.Duration maxTime) {
        this.maxUnpackedBytes = maxUnpackedBytes;
        this.maxEntries = maxEntries;
        this.maxTime = maxTime;
    }

    /** Receive each checked entry; {@code content} is the file's data, {@code null} for a directory. */
    private interface EntrySink {
        void accept(String path, InputStream content, boolean executable) throws IOException;
    }

    @Override
    public TarballListing inspect(byte[] tarball, String label) {
        return walk(tarball, label, (path, content, executable) -> {
            if (content != null) {
                content.transferTo(OutputStream.nullOutputStream());
            }
        });
    }

    @Override
    public TarballListing unpack(byte[] tarball, String label, Path target) {
        Path absoluteTarget = target.toAbsolutePath().normalize();
        if (Files.exists(absoluteTarget)) {
            throw new PackException(PackException.E_PACK,
                "cannot unpack " + label + ": " + absoluteTarget + " already exists");
        }
        Path staging;
        try {
            Files.createDirectories(absoluteTarget.getParent());
            staging = Files.createTempDirectory(absoluteTarget.getParent(), "." + absoluteTarget.getFileName() + ".staging-");
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK,
                "cannot unpack " + label + " into " + absoluteTarget + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
        boolean moved = false;
        try {
            // The folders made so far: a tarball of 200 files in 10 folders asks for each file's folder again,
            // and each such ask of an existing folder costs a failed mkdir and an exception.
            Set<Path> folders = new HashSet<>(List.of(staging));
            TarballListing listing = walk(tarball, label,
                (path, content, executable) -> write(staging, folders, path, content, executable));
            Files.move(staging, absoluteTarget, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return listing;
        } catch (FileAlreadyExistsException e) {
            throw new PackException(PackException.E_PACK,
                "cannot unpack " + label + ": " + absoluteTarget + " appeared while unpacking", List.of(), e);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK,
                "cannot unpack " + label + " into " + absoluteTarget + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        } finally {
            if (!moved) {
                deleteQuietly(staging);
            }
        }
    }

    private TarballListing walk(byte[] tarball, String label, EntrySink sink) {
        if (tarball.length < 2 || (tarball[0] & 0xff) != 0x1f || (tarball[1] & 0xff) != 0x8b) {
            throw corrupt(label, "it is not gzip data", null);
        }
        EntryPaths paths = new EntryPaths(label);
        List<PackedFile> files = new ArrayList<>();
        Map<String, String> manifests = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        long total = 0;
        int count = 0;
        try (GzipCompressorInputStream gzip = new GzipCompressorInputStream(new ByteArrayInputStream(tarball));
             BoundedInput bounded = new BoundedInput(gzip, SLACK, System.nanoTime() + maxTime.toNanos());
             TarArchiveInputStream tar = new TarArchiveInputStream(bounded, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (++count > maxEntries) {
                    throw paths.unsafe(entry.getName(), "is past the limit of " + maxEntries + " entries");
                }
                rejectSpecialTypes(paths, entry);
                String path = paths.relativePath(entry.getName());
                // Its data, its header and padding may be inflated; nothing else.
                bounded.allow(Math.max(0, entry.getSize()) + ENTRY_OVERHEAD);
                if (entry.isDirectory()) {
                    if (!path.isEmpty()) {
                        sink.accept(path, null, true);
                    }
                    continue;
                }
                if (path.isEmpty()) {
                    throw paths.unsafe(entry.getName(), "is a file in place of the top folder");
                }
                if (!seen.add(path.toLowerCase(java.util.Locale.ROOT))) {
                    // A later entry would replace the one checked (and on a case-insensitive file system a
                    // name differing only in case would too): the checked hype.json must be the one installed.
                    throw paths.unsafe(entry.getName(), "repeats the path of an earlier entry");
                }
                total += entry.getSize();
                if (entry.getSize() < 0 || total > maxUnpackedBytes) {
                    throw paths.unsafe(entry.getName(), "takes the unpacked size past the limit of " + maxUnpackedBytes + " bytes");
                }
                boolean executable = (entry.getMode() & 0111) != 0;
                boolean manifest = path.equals("hype.json") || path.equals("package.json");
                if (manifest && entry.getSize() > MAX_MANIFEST_BYTES) {
                    throw paths.unsafe(entry.getName(), "is larger than the " + (MAX_MANIFEST_BYTES >> 20)
                        + " MiB a manifest may have");
                }
                if (manifest) {
                    byte[] content = tar.readAllBytes();
                    checkLength(paths, entry, content.length);
                    manifests.put(path, new String(content, StandardCharsets.UTF_8));
                    sink.accept(path, new ByteArrayInputStream(content), executable);
                } else {
                    CountingInput counted = new CountingInput(tar);
                    sink.accept(path, counted, executable);
                    checkLength(paths, entry, counted.count);
                }
                files.add(new PackedFile(path, entry.getSize(), executable));
            }
            // After the archive's end only padding may follow, within the slack: a stream that goes on
            // inflating is refused instead of read to its end.
            bounded.transferTo(OutputStream.nullOutputStream());
        } catch (PackException e) {
            throw e;
        } catch (BoundedInput.LimitException e) {
            throw new PackException(PackException.E_TARBALL_UNSAFE, "tarball " + label + " " + e.getMessage(),
                List.of("the tarball may be malicious; it was not extracted"));
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw corrupt(label, "it is truncated or corrupt (" + e.getMessage() + ")", e);
        }
        if (paths.topFolder() == null) {
            throw corrupt(label, "it holds no entries", null);
        }
        return new TarballListing(paths.topFolder(), files, manifests);
    }

    private static void rejectSpecialTypes(EntryPaths paths, TarArchiveEntry entry) {
        String name = entry.getName();
        if (entry.isSymbolicLink()) {
            throw paths.unsafe(name, "is a symbolic link (to '" + entry.getLinkName() + "')");
        }
        if (entry.isLink()) {
            throw paths.unsafe(name, "is a hard link (to '" + entry.getLinkName() + "')");
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice()) {
            throw paths.unsafe(name, "is a device file");
        }
        if (entry.isFIFO()) {
            throw paths.unsafe(name, "is a fifo");
        }
        byte type = entry.getLinkFlag();
        boolean plain = type == TarConstants.LF_NORMAL || type == TarConstants.LF_OLDNORM
            || type == TarConstants.LF_CONTIG || entry.isDirectory();
        if (!plain || entry.isSparse()) {
            throw paths.unsafe(name, "has an unsupported type '" + (char) type + "'");
        }
    }

    private static void checkLength(EntryPaths paths, TarArchiveEntry entry, long read) {
        if (read != entry.getSize()) {
            throw paths.unsafe(entry.getName(), "is truncated: " + read + " of " + entry.getSize() + " bytes");
        }
    }

    private static void write(Path staging, Set<Path> folders, String path, InputStream content,
                              boolean executable) throws IOException {
        Path destination = staging.resolve(path).normalize();
        if (!destination.startsWith(staging)) {
            throw new IOException("entry '" + path + "' resolves outside " + staging);
        }
        if (content == null) {
            if (folders.add(destination)) {
                Files.createDirectories(destination);
            }
            return;
        }
        if (folders.add(destination.getParent())) {
            Files.createDirectories(destination.getParent());
        }
        Files.deleteIfExists(destination);
        try (OutputStream out = Files.newOutputStream(destination)) {
            content.transferTo(out);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(destination, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    private static PackException corrupt(String label, String problem, Throwable cause) {
        return new PackException(PackException.E_TARBALL_CORRUPT, "tarball " + label + " cannot be read: " + problem,
            List.of("download or pack it again; a registry should never serve a broken tarball"), cause);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // best effort: the staging directory has a hidden, recognisable name
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }

    /**
     * Inflate no more than allowed, and no longer than the deadline: the walker extends the allowance by what each
     * entry it accepts may hold, so data the tar does not account for (past its end, or in oversized headers) is
     * refused after a bounded amount of work.
     */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long remaining;
        private final long deadline;

        /** Raised when the stream goes past its allowance or its deadline. */
        static final class LimitException extends IOException {
            private static final long serialVersionUID = 1L;

            LimitException(String message) {
                super(message);
            }
        }

        BoundedInput(InputStream in, long initial, long deadline) {
            super(in);
            this.remaining = initial;
            this.deadline = deadline;
        }

        void allow(long bytes) {
            remaining += bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(length);
            int n = in.read(buffer, offset, (int) Math.min(length, remaining + 1));
            if (n > 0) {
                remaining -= n;
                if (remaining < 0) {
                    throw new LimitException("inflates to more data than its entries hold (data after the archive's"
                        + " end, or oversized headers)");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        private void check(int wanted) throws IOException {
            if (wanted > 0 && System.nanoTime() - deadline > 0) {
                throw new LimitException("took longer to inflate than allowed");
            }
        }
    }

    /** Count the bytes read through to the wrapped stream. */
    private static final class CountingInput extends InputStream {
        private final InputStream in;
        private long count;

        CountingInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
