package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.rocks.RockException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveExtractorTest {
    @TempDir
    Path temp;

    private Path tarGz(String name, TarArchiveEntry... entries) throws IOException {
        Path archive = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            for (TarArchiveEntry entry : entries) {
                byte[] body = entry.isFile() ? "return 1\n".getBytes(StandardCharsets.UTF_8) : new byte[0];
                if (entry.isFile()) {
                    entry.setSize(body.length);
                }
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }
        }
        return archive;
    }

    @Test
    void unpackASourceArchiveWithSeveralTopEntries() throws IOException {
        Path archive = tarGz("src.tar.gz", new TarArchiveEntry("pkg-1.0/a.lua"), new TarArchiveEntry("./README"),
                new TarArchiveEntry("pkg-1.0/sub/"));

        new ArchiveExtractor().unpackFile(archive, temp.resolve("out"));

        assertThat(temp.resolve("out/pkg-1.0/a.lua")).content().isEqualTo("return 1\n");
        assertThat(temp.resolve("out/README")).exists();
        assertThat(temp.resolve("out/pkg-1.0/sub")).isDirectory();
        assertThat(ArchiveExtractor.isArchive("x.tar.bz2")).isTrue();
        assertThat(ArchiveExtractor.isArchive("x.lua")).isFalse();
    }

    @Test
    void refuseLinksAbsolutePathsAndClimbing() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("pkg/evil", TarConstants.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        assertThatThrownBy(() -> new ArchiveExtractor().unpackFile(tarGz("link.tgz", link), temp.resolve("a")))
                .isInstanceOf(RockException.class).hasMessageContaining("link.tgz: entry 'pkg/evil' is a link");
        assertThatThrownBy(() -> new ArchiveExtractor().unpackFile(tarGz("abs.tgz", new TarArchiveEntry("/tmp/x.lua", true)),
                temp.resolve("b"))).hasMessageContaining("is not a relative path");
        assertThatThrownBy(() -> new ArchiveExtractor().unpackFile(tarGz("up.tgz",
                new TarArchiveEntry("pkg/../../x.lua")), temp.resolve("c"))).hasMessageContaining("climbs out");
        assertThat(temp.resolve("x.lua")).doesNotExist();
    }

    @Test
    void aCorruptArchiveIsNamed() throws IOException {
        Path archive = temp.resolve("broken.tar.gz");
        Files.write(archive, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        assertThatThrownBy(() -> new ArchiveExtractor().unpackFile(archive, temp.resolve("d")))
                .hasMessageContaining("broken.tar.gz cannot be read: it is truncated or corrupt");
        assertThatThrownBy(() -> new ArchiveExtractor().unzip(new byte[] {1, 2, 3}, "x.src.rock", temp.resolve("e")))
                .hasMessageContaining("x.src.rock cannot be read");
    }
}
