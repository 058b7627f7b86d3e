package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.rocks.RockException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void aZipSourceKeepsExecutableBitsAndFolders() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
            zip.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("./"));
            zip.closeArchiveEntry();
            zip.putArchiveEntry(new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("src/"));
            zip.closeArchiveEntry();
            var tool = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("bin/tool");
            tool.setUnixMode(0100755);
            zip.putArchiveEntry(tool);
            zip.write("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        Path archive = Files.write(temp.resolve("src.zip"), bytes.toByteArray());

        new ArchiveExtractor().unpackFile(archive, temp.resolve("out"));

        assertThat(temp.resolve("out/src")).isDirectory();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                temp.resolve("out/bin/tool")))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void aSymbolicLinkInAZipIsRefused() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(bytes)) {
            var link = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry("evil");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc/passwd".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }

        assertThatThrownBy(() -> new ArchiveExtractor().unzip(bytes.toByteArray(), "x.src.rock", temp.resolve("z")))
                .isInstanceOfSatisfying(RockException.class, e -> assertThat(e.code())
                        .isEqualTo(RockException.E_ROCK_ARCHIVE))
                .hasMessage("x.src.rock: entry 'evil' is a symbolic link");
        assertThat(temp.resolve("z/evil")).doesNotExist();
    }

    @Test
    void bzip2AndPlainTarSourcesAreUnpacked() throws IOException {
        for (String name : List.of("src.tar.bz2", "src.tar")) {
            Path archive = temp.resolve(name);
            try (OutputStream out = Files.newOutputStream(archive);
                 OutputStream packed = name.endsWith(".bz2")
                         ? new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(out) : out;
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(packed)) {
                byte[] body = "return 'bz'\n".getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("top/mod.lua");
                entry.setSize(body.length);
                tar.putArchiveEntry(entry);
                tar.write(body);
                tar.closeArchiveEntry();
            }

            new ArchiveExtractor().unpackFile(archive, temp.resolve("out-" + name));

            assertThat(temp.resolve("out-" + name + "/top/mod.lua")).hasContent("return 'bz'\n");
        }
    }

    @Test
    void devicesAndFifosAreRefused() throws IOException {
        TarArchiveEntry fifo = new TarArchiveEntry("top/pipe", TarConstants.LF_FIFO);

        assertThatThrownBy(() -> new ArchiveExtractor().unpackFile(tarGz("fifo.tgz", fifo), temp.resolve("f")))
                .hasMessage("fifo.tgz: entry 'top/pipe' is a device or a fifo");
        assertThat(ArchiveExtractor.isArchive("x.TBZ2")).isTrue();
        assertThat(ArchiveExtractor.isArchive("module.lua")).isFalse();
    }

    @Test
    void theRockspecOfARockIsReadFromItsTopFolderOnly() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("x-1.0-1.rockspec"));
            zip.write("package = 'x'".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("sub/"));
            zip.closeEntry();
        }

        assertThat(ArchiveExtractor.entry(bytes.toByteArray(), "x-1.0-1.rockspec", "x.src.rock"))
                .asString(StandardCharsets.UTF_8).isEqualTo("package = 'x'");
        assertThatThrownBy(() -> ArchiveExtractor.entry(bytes.toByteArray(), "sub/", "x.src.rock"))
                .hasMessage("x.src.rock does not hold sub/");
    }
}
