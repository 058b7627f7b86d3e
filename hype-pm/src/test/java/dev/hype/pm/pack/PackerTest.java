package dev.hype.pm.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackerTest {

    @TempDir
    Path project;

    private final Packer packer = Packer.create(SourceChecker.acceptAll());

    private void write(String path, String content) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void manifest(String extra) throws IOException {
        write("hype.json", "{\"name\":\"demo\",\"version\":\"1.2.3\"" + extra + "}");
    }

    private static List<TarArchiveEntry> entries(byte[] tarball) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
            new GzipCompressorInputStream(new ByteArrayInputStream(tarball)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    void packTheSameSourcesIntoByteIdenticalTarballs() throws IOException {
        manifest("");
        write("index.lua", "return 1\n");
        write("lib/deep/a-very-long-directory-name-that-needs-more-than-one-hundred-characters-in-total/x.lua", "return 2\n");
        String user = System.getProperty("user.name");
        PackResult first = packer.pack(project);
        System.setProperty("user.name", "somebody-else");
        try {
            Files.setLastModifiedTime(project.resolve("index.lua"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
            PackResult second = packer.pack(project);
            assertThat(second.tarball()).isEqualTo(first.tarball());
            assertThat(second.integrity()).isEqualTo(first.integrity());
        } finally {
            System.setProperty("user.name", user);
        }
    }

    @Test
    void normaliseEveryEntryHeader() throws IOException {
        manifest("");
        write("index.lua", "return 1\n");
        write("bin/tool", "#!/bin/sh\n");
        Files.setPosixFilePermissions(project.resolve("bin/tool"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(project.resolve("index.lua"), PosixFilePermissions.fromString("rw-------"));

        byte[] tarball = packer.pack(project).tarball();

        assertThat(tarball[4] | tarball[5] | tarball[6] | tarball[7]).as("gzip mtime").isZero();
        assertThat(tarball[9] & 0xff).as("gzip OS byte").isEqualTo(255);
        List<TarArchiveEntry> entries = entries(tarball);
        assertThat(entries).extracting(TarArchiveEntry::getName)
            .containsExactly("package/bin/", "package/bin/tool", "package/hype.json", "package/index.lua");
        for (TarArchiveEntry entry : entries) {
            assertThat(entry.getModTime().toInstant()).isEqualTo(Instant.parse("1985-10-26T08:15:00Z"));
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getLongGroupId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getGroupName()).isEmpty();
        }
        assertThat(entries.get(0).getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get(1).getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get(2).getMode() & 07777).isEqualTo(0644);
        assertThat(entries.get(3).getMode() & 07777).isEqualTo(0644);
    }

    @Test
    void reportIntegrityShasumAndFileList() throws IOException {
        manifest("");
        write("index.lua", "return 1\n");

        PackResult result = packer.pack(project);

        assertThat(result.fileName()).isEqualTo("demo-1.2.3.tgz");
        assertThat(result.integrity().sri()).startsWith("sha512-");
        assertThat(result.integrity().matches(result.tarball())).isTrue();
        assertThat(result.shasum().hex()).hasSize(40).isEqualTo(Integrity.sha1(result.tarball()).hex());
        assertThat(result.files()).extracting(PackedFile::path).containsExactly("hype.json", "index.lua");
        assertThat(result.files().get(1).size()).isEqualTo(9);
        assertThat(result.unpackedSize()).isEqualTo(Files.size(project.resolve("hype.json")) + 9);
    }

    @Test
    void leaveOutVcsInstallFoldersTarballsAndIgnoredFiles() throws IOException {
        manifest("");
        write("index.lua", "");
        write(".git/config", "");
        write("hype_modules/dep/index.lua", "");
        write("node_modules/dep/index.js", "");
        write("old-1.0.0.tgz", "");
        write("hype-lock.json", "{}");
        write(".gitignore", "build/\n*.log\n/secret.txt\n!keep.log\n");
        write("build/out.lua", "");
        write("debug.log", "");
        write("keep.log", "");
        write("secret.txt", "");
        write("lib/secret.txt", "");
        write("README.md", "");
        write("LICENSE", "");

        PackResult result = packer.pack(project);

        assertThat(result.files()).extracting(PackedFile::path)
            .containsExactly("LICENSE", "README.md", "hype.json", "index.lua", "keep.log", "lib/secret.txt");
    }

    @Test
    void preferHypeignoreOverGitignore() throws IOException {
        manifest("");
        write(".gitignore", "dist/\n");
        write(".hypeignore", "test/\n");
        write("dist/a.lua", "");
        write("test/a_test.lua", "");

        assertThat(packer.pack(project).files()).extracting(PackedFile::path)
            .containsExactly("dist/a.lua", "hype.json");
    }

    @Test
    void takeOnlyWhatTheFilesListSelectsPlusTheAlwaysIncludedFiles() throws IOException {
        manifest(",\"files\":[\"lib\",\"bin/*.lua\",\"!lib/internal/**\"]");
        write("lib/a.lua", "");
        write("lib/sub/b.lua", "");
        write("lib/internal/c.lua", "");
        write("bin/run.lua", "");
        write("bin/notes.txt", "");
        write("other.lua", "");
        write("src/lib/not-this.lua", "");
        write("README", "");
        write("licence.txt", "");

        assertThat(packer.pack(project).files()).extracting(PackedFile::path)
            .containsExactly("README", "bin/run.lua", "hype.json", "lib/a.lua", "lib/sub/b.lua", "licence.txt");
    }

    @Test
    void runTheSourceCheckerOnEveryLuaFile() throws IOException {
        manifest("");
        write("a.lua", "");
        write("lib/b.lua", "");
        write("c.txt", "");
        List<String> checked = new ArrayList<>();

        Packer.create((file, entry) -> checked.add(entry)).pack(project);

        assertThat(checked).containsExactly("a.lua", "lib/b.lua");
    }

    @Test
    void stopWhenTheSourceCheckerThrows() throws IOException {
        manifest("");
        write("bad.lua", "return (");

        assertThatThrownBy(() -> Packer.create((file, entry) -> {
            throw new PackException("E_LUA_SYNTAX", entry + ":1: unexpected end of file");
        }).pack(project)).hasMessageContaining("bad.lua:1");
    }

    @Test
    void nameScopedTarballsLikeNpm() throws IOException {
        write("hype.json", "{\"name\":\"@team/demo\",\"version\":\"2.0.0-beta.1\"}");

        assertThat(packer.pack(project).fileName()).isEqualTo("team-demo-2.0.0-beta.1.tgz");
    }

    @Test
    void rejectAMissingOrInvalidManifest() throws IOException {
        assertThatThrownBy(() -> packer.pack(project)).isInstanceOf(PackException.class)
            .hasMessageContaining("no hype.json");
        write("hype.json", "{\"name\":\"demo\"}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("'version'");
        write("hype.json", "{\"name\":\"../evil\",\"version\":\"1.0.0\"}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("not a valid package name");
        write("hype.json", "{\"name\":\"ok\",\"version\":\"1.0.0\",\"files\":\"lib\"}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("'files'");
        write("hype.json", "not json");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("cannot read");
        write("hype.json", "[1]");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageEndingWith("hype.json is not a JSON object");
        write("hype.json", "{\"name\":\"ok\",\"version\":\"1.0.0\",\"files\":[\"lib\", 3]}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageEndingWith("field 'files' must hold only strings,"
            + " found 3");
        write("hype.json", "{\"name\":\"ok\",\"version\":\"1.0\"}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("is not a valid package version: '1.0'")
            .satisfies(e -> assertThat(((PackException) e).hints()).containsExactly(
                "versions look like 1.2.3 or 1.2.3-beta.1"));
    }

    @Test
    void roundTripThroughTheUnpacker() throws IOException {
        manifest("");
        write("lib/a.lua", "return 'a'\n");
        PackResult result = packer.pack(project);

        TarballListing listing = Unpacker.create().unpack(result.tarball(), result.fileName(), project.resolve("out/demo"));

        assertThat(listing.files()).isEqualTo(result.files());
        assertThat(Files.readString(project.resolve("out/demo/lib/a.lua"), StandardCharsets.UTF_8)).isEqualTo("return 'a'\n");
        assertThat(listing.manifest("hype.json")).hasValueSatisfying(text -> assertThat(text).contains("\"demo\""));
    }

    @Test
    void binsMustNamePackedFilesWithAcceptableNames() throws IOException {
        write("bin/tool.lua", "#!/usr/bin/env hype\nprint(1)\n");
        write("secret.lua", "return 1\n");
        write(".hypeignore", "secret.lua\n");
        manifest(", \"bin\": {\"tool\": \"./bin/tool.lua\"}");
        assertThat(packer.pack(project).files()).extracting(PackedFile::path).contains("bin/tool.lua");
        for (String bin : List.of("{\"tool\": \"bin/missing.lua\"}", "{\"tool\": \"secret.lua\"}",
                "{\"hype\": \"bin/tool.lua\"}", "{\"../x\": \"bin/tool.lua\"}", "{\"tool\": \"../bin/tool.lua\"}",
                "{\"tool\": 3}", "[\"bin/tool.lua\"]")) {
            manifest(", \"bin\": " + bin);
            assertThatThrownBy(() -> packer.pack(project)).as(bin).isInstanceOf(PackException.class)
                .hasMessageContaining("hype.json");
        }
        manifest(", \"bin\": {\"tool\": \"bin/missing.lua\"}");
        assertThatThrownBy(() -> packer.pack(project)).hasMessageContaining("bin 'tool': its file 'bin/missing.lua' is missing");
        manifest(", \"bin\": {\"tool\": \"secret.lua\"}");
        assertThatThrownBy(() -> packer.pack(project))
            .hasMessageContaining("its file 'secret.lua' is left out of the package by 'files' or .hypeignore");
    }
}
