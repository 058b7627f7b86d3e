package dev.hype.pm.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Write a reproducible gzip'd tar: every header field that could vary between machines or runs
 * (times, owners, modes, the gzip header's time and OS byte) is fixed.
 */
final class TarballWriter implements AutoCloseable {

    /** The time npm stamps on every entry: 1985-10-26T08:15:00Z. */
    static final Instant ENTRY_TIME = Instant.parse("1985-10-26T08:15:00Z");

    private static final int FILE_MODE = 0100644;
    private static final int EXECUTABLE_MODE = 0100755;
    private static final int DIRECTORY_MODE = 040755;
    private static final int GZIP_OS_UNKNOWN = 255;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar;

    TarballWriter() throws IOException {
        GzipParameters parameters = new GzipParameters();
        parameters.setModificationTime(0);
        parameters.setOperatingSystem(GZIP_OS_UNKNOWN);
        parameters.setCompressionLevel(Deflater.BEST_COMPRESSION);
        tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes, parameters), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    /** Add a directory entry; {@code name} ends with {@code /}. */
    void directory(String name) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_DIR);
        normalise(entry, DIRECTORY_MODE, 0);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Add a regular file entry. */
    void file(String name, byte[] content, boolean executable) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
        normalise(entry, executable ? EXECUTABLE_MODE : FILE_MODE, content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private static void normalise(TarArchiveEntry entry, int mode, long size) {
        entry.setMode(mode);
        entry.setSize(size);
        entry.setModTime(FileTime.from(ENTRY_TIME));
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
    }

    /** Finish the archive and return the gzip'd bytes. */
    byte[] finish() throws IOException {
        tar.finish();
        tar.close();
        return bytes.toByteArray();
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
