package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that need no registry, in their {@code --json} forms and with path arguments that cannot be used:
 * each bad path is a usage error (exit 2) naming the option and the path, before anything is written.
 */
class LocalCommandFormsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @BeforeEach
    void home() throws Exception {
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, Files.createDirectories(temp.resolve("home")).toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
    }

    @Test
    void initAsJsonNamesWhatItCreated() throws Exception {
        Path dir = temp.resolve("new/pkg");
        CliRun init = CliRun.of("pkg", "init", "json-made", "--path", dir.toString(), "--json");
        assertThat(init.status()).as(init.err()).isZero();
        JsonNode root = JSON.readTree(init.out());
        assertThat(root.path("name").asText()).isEqualTo("json-made");
        assertThat(root.path("directory").asText()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(root.path("created").toString()).contains("hype.json").contains("index.lua");
        assertThat(dir.resolve("hype.json")).exists();
    }

    @Test
    void keygenAsJsonNamesTheKeyFilesAndRefusesANameWithFolders() throws Exception {
        Path keys = temp.resolve("keys");
        CliRun keygen = CliRun.of("pkg", "keygen", "--out", keys.toString(), "--name", "release", "--json");
        assertThat(keygen.status()).as(keygen.err()).isZero();
        JsonNode root = JSON.readTree(keygen.out());
        assertThat(root.path("privateKey").asText()).isEqualTo(keys.toAbsolutePath().resolve("release.key").toString());
        assertThat(root.path("publicKey").asText()).endsWith("release.pub");
        assertThat(root.path("keyid").asText()).isNotBlank();
        assertThat(Path.of(root.path("publicKey").asText())).content().contains(root.path("publicKeyText").asText());

        CliRun folders = CliRun.of("pkg", "keygen", "--out", keys.toString(), "--name", "../escape");
        assertThat(folders.status()).isEqualTo(2);
        assertThat(folders.err()).contains("--name '../escape' must be a plain file name (no folders)");
        assertThat(temp.resolve("escape.key")).doesNotExist();
    }

    @Test
    void runWithoutAScriptListsTheScriptsAsJson() throws Exception {
        Files.writeString(temp.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"scripts\": {\"build\": \"echo b\", \"lint\": \"echo l\"}}");
        CliRun run = CliRun.of("pkg", "run", "-C", temp.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree("{\"build\": \"echo b\", \"lint\": \"echo l\"}"));
    }

    @Test
    void resolveAsJsonReportsAConflictAndCycles() throws Exception {
        Files.writeString(temp.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a\": \"^1\", \"b\": \"^1\"}}");
        Path conflict = Files.writeString(temp.resolve("conflict.json"),
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^2.0.0\"}}}, "
                        + "\"b\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^1.0.0\"}}}, \"c\": {\"1.0.0\": {}, \"2.0.0\": {}}}}");
        CliRun failed = CliRun.of("pkg", "resolve", "--json", "--dir", temp.toString(), "--index", conflict.toString());
        assertThat(failed.status()).isEqualTo(1);
        JsonNode failure = JSON.readTree(failed.out());
        assertThat(failure.path("error").asText()).isNotBlank();
        assertThat(failure.path("explanation").asText()).contains("version solving failed");

        Path cycle = Files.writeString(temp.resolve("cycle.json"),
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"b\": \"^1\"}}}, "
                        + "\"b\": {\"1.0.0\": {\"dependencies\": {\"a\": \"^1\"}}}}}");
        CliRun resolved = CliRun.of("pkg", "resolve", "--json", "--dir", temp.toString(), "--index", cycle.toString());
        assertThat(resolved.status()).as(resolved.err()).isZero();
        JsonNode root = JSON.readTree(resolved.out());
        assertThat(root.path("packages").size()).isEqualTo(2);
        assertThat(root.path("cycles").toString()).isEqualTo("[[\"a\",\"b\"]]");
    }

    @Test
    void aMissingOrWrongKindOfPathIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        Path missing = temp.resolve("missing");

        CliRun noDir = CliRun.of("pkg", "list", "-C", missing.toString());
        assertThat(noDir.status()).isEqualTo(2);
        assertThat(noDir.err()).contains("no such directory: " + missing);
        CliRun notDir = CliRun.of("pkg", "list", "-C", file.toString());
        assertThat(notDir.status()).isEqualTo(2);
        assertThat(notDir.err()).contains(file + " is not a directory");

        CliRun noIndex = CliRun.of("pkg", "resolve", "--dir", temp.toString(), "--index", missing.toString());
        assertThat(noIndex.status()).isEqualTo(2);
        assertThat(noIndex.err()).contains("no such file: " + missing);
        CliRun dirIndex = CliRun.of("pkg", "resolve", "--dir", temp.toString(), "--index", temp.toString());
        assertThat(dirIndex.status()).isEqualTo(2);
        assertThat(dirIndex.err()).contains(temp + " is a directory, not a file");

        CliRun empty = CliRun.of("pkg", "list", "-C", "");
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).contains("the path is empty");
        CliRun nul = CliRun.of("pkg", "list", "-C", "bad\0dir");
        assertThat(nul.status()).isEqualTo(2);
        assertThat(nul.err()).contains("is not a valid path");

        CliRun under = CliRun.of("pkg", "init", "--path", file.resolve("sub").toString());
        assertThat(under.status()).isEqualTo(2);
        assertThat(under.err()).contains("cannot create " + file.resolve("sub") + ": " + file + " is a file");
        CliRun onFile = CliRun.of("pkg", "keygen", "--out", file.toString());
        assertThat(onFile.status()).isEqualTo(2);
        assertThat(onFile.err()).contains(file + " is a file, not a directory");
        assertThat(file).content().isEqualTo("x");
    }
}
