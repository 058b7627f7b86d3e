package dev.hype.pm.rocks.build;

import dev.hype.pm.rocks.RockException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Extract the archives rocks are made of: the rock itself (a zip) and the source archive inside a source rock
 * ({@code .zip}, {@code .tar.gz}, {@code .tgz}, {@code .tar.bz2}, {@code .tbz2}, {@code .tar}), as LuaRocks'
 * {@code fs.unpack_archive} reads them. No entry may escape the target: absolute paths, {@code ..}, backslashes,
 * links, devices and archives past 1 GiB or 100,000 entries are refused with {@link RockException#E_ROCK_ARCHIVE}.
 */
public final class ArchiveExtractor {
    static final long MAX_BYTES = 1L << 30;
    static final int MAX_ENTRIES = 100_000;

    private long total;
    private int entries;

    /** Return whether LuaRocks would unpack a source file of this name (else it is used as it is). */
    static boolean isArchive(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".tar.gz") || name.endsWith(".tgz") || name.endsWith(".tar")
                || name.endsWith(".tar.bz2") || name.endsWith(".tbz2") || name.endsWith(".tbz");
    }

    /**
     * Extract the zip {@code bytes} into {@code target}, which is created.
     *
     * @param label names the archive in errors
     */
    void unzip(byte[] bytes, String label, Path target) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Files.createDirectories(target);
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (entry.isUnixSymlink()) {
                    throw unsafe(label, entry.getName(), "is a symbolic link");
                }
                String path = relative(label, entry.getName());
                if (path.isEmpty()) {
                    continue;
                }
                count(label, entry.getName(), entry.isDirectory() ? 0 : entry.getSize());
                boolean executable = (entry.getUnixMode() & 0111) != 0;
                if (entry.isDirectory()) {
                    Files.createDirectories(resolve(target, path, label));
                } else {
                    try (InputStream in = zip.getInputStream(entry)) {
                        write(target, path, in, executable, label, entry.getSize());
                    }
                }
            }
        } catch (RockException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(label, e);
        }
    }

    /** Extract a source archive file by its extension, as {@code fs.unpack_archive} does, into {@code target}. */
    void unpackFile(Path archive, Path target) {
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        String label = archive.getFileName().toString();
        try {
            if (name.endsWith(".zip")) {
                unzip(Files.readAllBytes(archive), label, target);
                return;
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive))) {
                InputStream in = raw;
                if (name.endsWith(".gz") || name.endsWith(".tgz")) {
                    in = GzipCompressorInputStream.builder().setInputStream(raw).setDecompressConcatenated(true).get();
                } else if (name.endsWith(".bz2") || name.endsWith(".tbz2") || name.endsWith(".tbz")) {
                    in = new BZip2CompressorInputStream(raw, true);
                }
                untar(in, label, target);
            }
        } catch (RockException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(label, e);
        }
    }

    private void untar(InputStream in, String label, Path target) throws IOException {
        Files.createDirectories(target);
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in, "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw unsafe(label, name, "is a link (to '" + entry.getLinkName() + "')");
                }
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    throw unsafe(label, name, "is a device or a fifo");
                }
                if (entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
                    continue;
                }
                String path = relative(label, name);
                if (path.isEmpty()) {
                    continue;
                }
                count(label, name, entry.isDirectory() ? 0 : entry.getSize());
                if (entry.isDirectory()) {
                    Files.createDirectories(resolve(target, path, label));
                } else if (entry.isFile()) {
                    write(target, path, tar, (entry.getMode() & 0111) != 0, label, entry.getSize());
                } else {
                    throw unsafe(label, name, "has an unsupported type");
                }
            }
        }
    }

    private void count(String label, String name, long size) {
        if (++entries > MAX_ENTRIES) {
            throw unsafe(label, name, "is past the limit of " + MAX_ENTRIES + " entries");
        }
        total += Math.max(0, size);
        if (total > MAX_BYTES) {
            throw unsafe(label, name, "takes the unpacked size past the limit of " + MAX_BYTES + " bytes");
        }
    }

    /** Return the entry's path relative to the archive root, checked; empty for the root itself. */
    private static String relative(String label, String name) {
        if (name.contains("\\") || name.startsWith("/") || name.contains("\0") || name.matches("^[A-Za-z]:.*")) {
            throw unsafe(label, name, "is not a relative path");
        }
        StringBuilder out = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw unsafe(label, name, "climbs out of the archive with '..'");
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    private static Path resolve(Path target, String path, String label) {
        Path destination = target.resolve(path).normalize();
        if (!destination.startsWith(target)) {
            throw unsafe(label, path, "resolves outside the archive");
        }
        return destination;
    }

    private void write(Path target, String path, InputStream in, boolean executable, String label, long size)
            throws IOException {
        Path destination = resolve(target, path, label);
        Files.createDirectories(destination.getParent());
        Files.deleteIfExists(destination);
        long written = 0;
        long room = MAX_BYTES - total + Math.max(0, size);
        try (OutputStream out = Files.newOutputStream(destination)) {
            byte[] buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                written += n;
                if (written > room) {
                    throw unsafe(label, path, "takes the unpacked size past the limit of " + MAX_BYTES + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
        if (size >= 0 && written != size) {
            throw unsafe(label, path, "is truncated: " + written + " of " + size + " bytes");
        }
        total += Math.max(0, written - Math.max(0, size));
        if (total > MAX_BYTES) {
            throw unsafe(label, path, "takes the unpacked size past the limit of " + MAX_BYTES + " bytes");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(destination, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
    }

    private static RockException unsafe(String label, String entry, String problem) {
        return new RockException(RockException.E_ROCK_ARCHIVE, label + ": entry '" + entry + "' " + problem,
                List.of("a rock must hold only regular files and folders inside it; ask its authors to pack it again"));
    }

    private static RockException corrupt(String label, Exception e) {
        return new RockException(RockException.E_ROCK_ARCHIVE, label + " cannot be read: it is truncated or corrupt ("
                + e.getMessage() + ")", List.of("download it again; a server should never serve a broken archive"), e);
    }

    /**
     * Return the top-level file {@code name} of the zip {@code bytes} (a rock's rockspec).
     *
     * @throws RockException {@link RockException#E_ROCK_ARCHIVE} when it has no such file
     */
    public static byte[] entry(byte[] bytes, String name, String label) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            ZipArchiveEntry entry = zip.getEntry(name);
            if (entry == null || entry.isDirectory() || entry.getSize() > MAX_BYTES) {
                throw new RockException(RockException.E_ROCK_ARCHIVE, label + " does not hold " + name,
                        List.of("a rock holds its rockspec at the top; the server serves a broken rock"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readNBytes(16 << 20);
            }
        } catch (RockException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(label, e);
        }
    }
}
