package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.registry.StubServer.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Download tarballs whose digest matches but whose content is unsafe; the client must refuse each one. */
class BadTarballTest {
    @TempDir
    Path temp;

    enum Kind {
        TRUNCATED(PackException.E_TARBALL_CORRUPT),
        DOT_DOT(PackException.E_TARBALL_UNSAFE),
        ABSOLUTE(PackException.E_TARBALL_UNSAFE),
        SYMLINK(PackException.E_TARBALL_UNSAFE),
        DEVICE(PackException.E_TARBALL_UNSAFE);

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theClientRejectsTheTarball(Kind kind) throws IOException {
        byte[] tarball = build(kind);
        try (StubServer stub = StubServer.start();
             RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()),
                 new ClientOptions(temp, Duration.ofSeconds(2), Duration.ofSeconds(5), 1, Duration.ofMillis(1)))) {
            stub.on("/bad/-/bad-1.0.0.tgz", request -> Answer.bytes(tarball));
            Dist dist = new Dist("bad/-/bad-1.0.0.tgz", Integrity.sha512(tarball).sri(), null);
            assertThatThrownBy(() -> client.download("bad", "1.0.0", dist))
                .isInstanceOfSatisfying(PackException.class, e -> {
                    assertThat(e.code()).isEqualTo(kind.code);
                    assertThat(e.getMessage()).contains("bad@1.0.0");
                });
        }
    }

    private static byte[] build(Kind kind) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            file(tar, "package/hype.json", "{\"name\":\"bad\",\"version\":\"1.0.0\"}");
            switch (kind) {
                case TRUNCATED -> file(tar, "package/index.lua", "return {}\n".repeat(2000));
                case DOT_DOT -> file(tar, "package/../../evil.lua", "os.exit()");
                case ABSOLUTE -> file(tar, "/tmp/evil.lua", "os.exit()");
                case SYMLINK -> {
                    TarArchiveEntry link = new TarArchiveEntry("package/passwd", TarConstants.LF_SYMLINK);
                    link.setLinkName("/etc/passwd");
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                }
                case DEVICE -> {
                    TarArchiveEntry device = new TarArchiveEntry("package/null", TarConstants.LF_CHR);
                    device.setDevMajor(1);
                    device.setDevMinor(3);
                    tar.putArchiveEntry(device);
                    tar.closeArchiveEntry();
                }
            }
        }
        byte[] whole = bytes.toByteArray();
        return kind == Kind.TRUNCATED ? Arrays.copyOf(whole, whole.length * 2 / 3) : whole;
    }

    private static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
