package dev.hype.pm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackerTest {

    @TempDir
    Path directory;

    private final Unpacker unpacker = Unpacker.create();

    /** Build a gzip'd tar from raw entries, the way a hostile publisher could. */
    private static byte[] tarball(Consumer<TarArchiveOutputStream> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            body.accept(tar);
            tar.finish();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) {
        try {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true);
            entry.setSize(data.length);
            tar.putArchiveEntry(entry);
            tar.write(data);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void special(TarArchiveOutputStream tar, String name, byte type, String link) {
        try {
            TarArchiveEntry entry = new TarArchiveEntry(name, type);
            if (link != null) {
                entry.setLinkName(link);
            }
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] good() {
        return tarball(tar -> {
            file(tar, "package/hype.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}");
            file(tar, "package/lib/a.lua", "return 1");
        });
    }

    private void assertRejected(byte[] tarball, String code, String... messageParts) {
        Path target = directory.resolve("target");
        assertThatThrownBy(() -> unpacker.unpack(tarball, "evil-1.0.0.tgz", target))
            .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.code()).isEqualTo(code))
            .hasMessageContaining("evil-1.0.0.tgz")
            .hasMessageContainingAll(messageParts);
        assertThat(target).doesNotExist();
        assertThat(directory.resolve("..").resolve("escaped")).doesNotExist();
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).as("no staging directory left behind").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void extractAGoodTarballIntoTheTarget() throws IOException {
        TarballListing listing = unpacker.unpack(good(), "a-1.0.0.tgz", directory.resolve("a"));

        assertThat(listing.topFolder()).isEqualTo("package");
        assertThat(listing.files()).extracting(PackedFile::path).containsExactly("hype.json", "lib/a.lua");
        assertThat(Files.readString(directory.resolve("a/lib/a.lua"))).isEqualTo("return 1");
        try (Stream<Path> entries = Files.list(directory)) {
            assertThat(entries).containsExactly(directory.resolve("a"));
        }
    }

    @Test
    void extractATarballFileNamingItInErrors() throws IOException {
        Path file = directory.resolve("a-1.0.0.tgz");
        Files.write(file, good());

        unpacker.unpack(file, directory.resolve("a"));
        Files.write(file, "junk".getBytes(StandardCharsets.UTF_8));

        assertThat(directory.resolve("a/hype.json")).isRegularFile();
        assertThatThrownBy(() -> unpacker.unpack(file, directory.resolve("b")))
            .isInstanceOf(PackException.class).hasMessageContaining(file.toString());
    }

    @Test
    void acceptAnyOneTopFolderLikeNpm() {
        byte[] tarball = tarball(tar -> file(tar, "node-v1/hype.json", "{}"));

        assertThat(unpacker.inspect(tarball, "x.tgz").topFolder()).isEqualTo("node-v1");
    }

    @Test
    void rejectDotDotSegments() {
        assertRejected(tarball(tar -> file(tar, "package/../../escaped", "x")), PackException.E_TARBALL_UNSAFE,
            "package/../../escaped", "'..'");
    }

    @Test
    void rejectAbsolutePaths() {
        assertRejected(tarball(tar -> file(tar, "/tmp/escaped", "x")), PackException.E_TARBALL_UNSAFE,
            "/tmp/escaped", "absolute");
    }

    @Test
    void rejectEntriesOutsideTheTopFolder() {
        assertRejected(tarball(tar -> {
            file(tar, "package/hype.json", "{}");
            file(tar, "other/hype.json", "{}");
        }), PackException.E_TARBALL_UNSAFE, "other/hype.json", "outside the top folder");
        assertRejected(tarball(tar -> file(tar, "hype.json", "{}")), PackException.E_TARBALL_UNSAFE,
            "'hype.json'", "in place of the top folder");
    }

    @Test
    void rejectSymbolicLinks() {
        assertRejected(tarball(tar -> special(tar, "package/link", TarConstants.LF_SYMLINK, "/etc/passwd")),
            PackException.E_TARBALL_UNSAFE, "package/link", "symbolic link");
    }

    @Test
    void rejectHardLinks() {
        assertRejected(tarball(tar -> {
            file(tar, "package/a", "x");
            special(tar, "package/b", TarConstants.LF_LINK, "package/a");
        }), PackException.E_TARBALL_UNSAFE, "package/b", "hard link");
    }

    @Test
    void rejectDevicesAndFifos() {
        assertRejected(tarball(tar -> special(tar, "package/tty", TarConstants.LF_CHR, null)),
            PackException.E_TARBALL_UNSAFE, "package/tty", "device");
        assertRejected(tarball(tar -> special(tar, "package/disk", TarConstants.LF_BLK, null)),
            PackException.E_TARBALL_UNSAFE, "package/disk", "device");
        assertRejected(tarball(tar -> special(tar, "package/pipe", TarConstants.LF_FIFO, null)),
            PackException.E_TARBALL_UNSAFE, "package/pipe", "fifo");
    }

    @Test
    void rejectBackslashes() {
        assertRejected(tarball(tar -> file(tar, "package\\..\\..\\escaped", "x")), PackException.E_TARBALL_UNSAFE,
            "backslash");
    }

    @Test
    void rejectATruncatedGzipStream() {
        byte[] whole = good();
        assertRejected(Arrays.copyOf(whole, whole.length / 2), PackException.E_TARBALL_CORRUPT, "truncated or corrupt");
        assertRejected(Arrays.copyOf(whole, whole.length - 4), PackException.E_TARBALL_CORRUPT, "truncated or corrupt");
    }

    @Test
    void rejectACorruptGzipStream() {
        byte[] bytes = good();
        bytes[bytes.length - 6] ^= 0x55;
        assertRejected(bytes, PackException.E_TARBALL_CORRUPT, "cannot be read");
    }

    @Test
    void rejectDataThatIsNotGzip() {
        assertRejected("hello".getBytes(StandardCharsets.UTF_8), PackException.E_TARBALL_CORRUPT, "not gzip");
    }

    @Test
    void rejectAnEmptyArchive() {
        assertRejected(tarball(tar -> { }), PackException.E_TARBALL_CORRUPT, "no entries");
    }

    @Test
    void refuseToOverwriteAnExistingTarget() throws IOException {
        Files.createDirectories(directory.resolve("a"));

        assertThatThrownBy(() -> unpacker.unpack(good(), "a-1.0.0.tgz", directory.resolve("a")))
            .isInstanceOf(PackException.class).hasMessageContaining("already exists");
    }

    @Test
    void rejectArchivesPastTheSizeLimit() {
        Unpacker small = new SafeUnpacker(10, 100, Unpacker.MAX_TIME);

        assertThatThrownBy(() -> small.inspect(tarball(tar -> file(tar, "package/big", "01234567890")), "big.tgz"))
            .isInstanceOf(PackException.class).hasMessageContaining("limit of 10 bytes");
    }

    /** Build a gzip stream of a good tar followed by {@code trailing} zero bytes inside the same gzip member. */
    private static byte[] withTrailingData(long trailing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(bytes)) {
            ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
                file(tar, "package/hype.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}");
                tar.finish();
            }
            gzip.write(tarBytes.toByteArray());
            byte[] zeros = new byte[1 << 16];
            for (long left = trailing; left > 0; left -= zeros.length) {
                gzip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void rejectDataAfterTheArchivesEndBeyondItsPadding() {
        // 64 MiB of zeros after the end compress to ~64 KiB: refused after inflating a bounded amount.
        byte[] bomb = withTrailingData(64L << 20);
        assertThat(bomb.length).isLessThan(1 << 20);
        assertRejected(bomb, PackException.E_TARBALL_UNSAFE, "inflates to more data than its entries hold");
        assertThatThrownBy(() -> unpacker.inspect(withTrailingData(8L << 20), "evil-1.0.0.tgz"))
            .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.code()).isEqualTo(PackException.E_TARBALL_UNSAFE));
        // A record's worth of padding is what tar writers add, and is fine.
        assertThat(unpacker.inspect(withTrailingData(10240), "a-1.0.0.tgz").files()).hasSize(1);
    }

    @Test
    void rejectATarballThatTakesTooLongToInflate() {
        Unpacker impatient = Unpacker.create(Unpacker.MAX_UNPACKED_BYTES, Unpacker.MAX_ENTRIES, java.time.Duration.ZERO);
        assertThatThrownBy(() -> impatient.inspect(good(), "evil-1.0.0.tgz"))
            .isInstanceOfSatisfying(PackException.class, e -> assertThat(e.code()).isEqualTo(PackException.E_TARBALL_UNSAFE))
            .hasMessageContaining("took longer to inflate than allowed");
    }

    @Test
    void rejectARepeatedPathSoTheCheckedManifestIsTheInstalledOne() {
        assertRejected(tarball(tar -> {
            file(tar, "package/hype.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}");
            file(tar, "package/hype.json", "{\"name\":\"a\",\"version\":\"1.0.0\",\"permissions\":{\"process\":true}}");
        }), PackException.E_TARBALL_UNSAFE, "package/hype.json", "repeats the path of an earlier entry");
        assertRejected(tarball(tar -> {
            file(tar, "package/hype.json", "{\"name\":\"a\",\"version\":\"1.0.0\"}");
            file(tar, "package/HYPE.json", "{}");
        }), PackException.E_TARBALL_UNSAFE, "repeats the path of an earlier entry");
        assertRejected(tarball(tar -> {
            file(tar, "package/lib/x.lua", "return 1");
            file(tar, "./package//lib/x.lua", "return 2");
        }), PackException.E_TARBALL_UNSAFE, "repeats the path of an earlier entry");
    }

    @Test
    void rejectAManifestOverOneMebibyte() {
        String big = "{\"name\":\"a\",\"version\":\"1.0.0\",\"pad\":\"" + "x".repeat(1 << 20) + "\"}";
        assertRejected(tarball(tar -> file(tar, "package/hype.json", big)), PackException.E_TARBALL_UNSAFE,
            "package/hype.json", "is larger than the 1 MiB a manifest may have");
        assertRejected(tarball(tar -> file(tar, "package/package.json", big)), PackException.E_TARBALL_UNSAFE,
            "package/package.json");
    }

    @Test
    void rejectEntriesWithoutAPathBelowTheTopFolderOrOfOtherTypes() {
        assertRejected(tarball(tar -> file(tar, "./.", "x")), PackException.E_TARBALL_UNSAFE,
            "does not name anything below the top folder");
        assertRejected(tarball(tar -> special(tar, "package/weird", (byte) 'V', null)), PackException.E_TARBALL_UNSAFE,
            "package/weird", "has an unsupported type 'V'");
    }
}
