package dev.hype.pm.pack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Check and extract package tarballs without letting any entry escape its target.
 *
 * <p>Every entry must live under one top folder (npm writes {@code package/}; any single name is
 * accepted, as npm does) and be a regular file or a directory. Rejected, with a
 * {@link PackException} naming the tarball and the entry: corrupt or truncated gzip or tar data,
 * absolute paths, {@code ..} segments, backslashes, entries outside the top folder, symbolic and
 * hard links, devices, fifos, two entries with one path (also differing only in case), a {@code hype.json} or
 * {@code package.json} over 1 MiB, and archives past the size, entry-count or time limits or inflating to more than
 * their entries hold (data after the archive's end).
 */
public interface Unpacker {

    /** The largest total size of the files in a tarball: 1 GiB. */
    long MAX_UNPACKED_BYTES = 1L << 30;

    /** The largest number of entries in a tarball. */
    int MAX_ENTRIES = 100_000;

    /**
     * Check every entry of {@code tarball} and list it, writing nothing.
     *
     * @param label names the tarball in errors, e.g. {@code my-pkg-1.0.0.tgz}
     * @throws PackException with code {@code E_TARBALL_CORRUPT} or {@code E_TARBALL_UNSAFE}
     */
    TarballListing inspect(byte[] tarball, String label);

    /**
     * Extract {@code tarball} so that the contents of its top folder become {@code target}.
     *
     * <p>The files are written to a staging directory beside {@code target}, which is renamed to
     * {@code target} only when every entry passed; on failure nothing is left behind.
     * {@code target} must not exist yet.
     *
     * @param label names the tarball in errors
     * @throws PackException with code {@code E_TARBALL_CORRUPT}, {@code E_TARBALL_UNSAFE}, or
     *     {@code E_PACK} when {@code target} exists or cannot be written
     */
    TarballListing unpack(byte[] tarball, String label, Path target);

    /**
     * Extract the tarball file {@code tarball} so that the contents of its top folder become
     * {@code target}; errors name the file.
     *
     * @see #unpack(byte[], String, Path)
     */
    default TarballListing unpack(Path tarball, Path target) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(tarball);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot read " + tarball + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
        return unpack(bytes, tarball.toString(), target);
    }

    /** The longest an unpacker may spend inflating one tarball by default: 2 minutes. */
    java.time.Duration MAX_TIME = java.time.Duration.ofMinutes(2);

    /** Return an unpacker with the default limits. */
    static Unpacker create() {
        return new SafeUnpacker(MAX_UNPACKED_BYTES, MAX_ENTRIES, MAX_TIME);
    }

    /**
     * Return an unpacker with other limits: the total size of the files, the number of entries, and the time one
     * tarball may take to inflate. Every unpacker also refuses data the tar's entries do not account for (past the
     * archive's end, or in oversized headers) once it exceeds a small slack, so total inflated bytes stay within
     * the files' sizes plus that slack.
     */
    static Unpacker create(long maxUnpackedBytes, int maxEntries, java.time.Duration maxTime) {
        return new SafeUnpacker(maxUnpackedBytes, maxEntries, maxTime);
    }
}
