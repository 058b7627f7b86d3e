package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import dev.hype.pm.pack.Integrity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackCommandTest {
    @TempDir
    Path dir;

    private void project(String name) throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"" + name + "\", \"version\": \"1.0.0\"}");
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("index.lua"), "return require('./lib/util')\n");
        Files.writeString(dir.resolve("lib/util.lua"), "return { n = 1 }\n");
    }

    @Test
    void writesTheTarballAndPrintsFilesIntegrityAndShasum() throws Exception {
        project("greet");
        CliRun run = CliRun.of("pkg", "pack", "-C", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        Path tarball = dir.resolve("greet-1.0.0.tgz");
        assertThat(tarball).exists();
        byte[] bytes = Files.readAllBytes(tarball);
        assertThat(run.out()).startsWith("package: greet@1.0.0\n")
            .contains("  hype.json\n", "  index.lua\n", "  lib/util.lua\n")
            .contains("integrity: " + Integrity.sha512(bytes).sri() + "\n")
            .contains("shasum: " + Integrity.sha1(bytes).hex() + "\n");
    }

    @Test
    void buildIsTheSameCommandAndTheBytesAreReproducible() throws Exception {
        project("greet");
        Path out = dir.resolve("out");
        assertThat(CliRun.of("pkg", "pack", "-C", dir.toString(), "--out", out.toString()).status()).isZero();
        byte[] first = Files.readAllBytes(out.resolve("greet-1.0.0.tgz"));
        CliRun build = CliRun.of("pkg", "build", "-C", dir.toString(), "--out", out.toString());
        assertThat(build.status()).as(build.err()).isZero();
        assertThat(Files.readAllBytes(out.resolve("greet-1.0.0.tgz"))).isEqualTo(first);
    }

    @Test
    void scopedNamesGiveNpmsFileNameAndJsonDescribesIt() throws Exception {
        project("@acme/greet");
        CliRun run = CliRun.of("pkg", "pack", "-C", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("filename").asText()).isEqualTo("acme-greet-1.0.0.tgz");
        assertThat(json.path("files").size()).isEqualTo(3);
        assertThat(dir.resolve("acme-greet-1.0.0.tgz")).exists();
    }

    @Test
    void dryRunWritesNothing() throws Exception {
        project("greet");
        CliRun run = CliRun.of("pkg", "pack", "--dry-run", "-C", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run: nothing written");
        assertThat(dir.resolve("greet-1.0.0.tgz")).doesNotExist();
    }

    @Test
    void aLuaSyntaxErrorNamesTheFileAndLineAndWritesNothing() throws Exception {
        project("greet");
        Files.writeString(dir.resolve("lib/util.lua"), "local t = {\nreturn t\n");
        CliRun run = CliRun.of("pkg", "pack", "-C", dir.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("syntax error in lib/util.lua", "lib/util.lua:2:");
        assertThat(dir.resolve("greet-1.0.0.tgz")).doesNotExist();
    }

    @Test
    void anInvalidManifestIsReportedBeforePacking() throws Exception {
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"Bad Name\", \"version\": \"1.0.0\"}");
        CliRun run = CliRun.of("pkg", "pack", "-C", dir.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("name");
        assertThat(dir.resolve("Bad Name-1.0.0.tgz")).doesNotExist();
    }
}
