package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.pm.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
    @TempDir
    Path temp;

    @Test
    void createAPackageThatPassesCheck() throws Exception {
        Path dir = temp.resolve("My Tool");
        CliRun init = CliRun.of("pkg", "init", "--path", dir.toString());

        assertThat(init.status()).as(init.err()).isZero();
        assertThat(init.out()).contains("created my-tool").contains("hype.json, index.lua, test/my_tool_test.lua, .gitignore");
        assertThat(Manifest.read(dir).name()).isEqualTo("my-tool");
        assertThat(dir.resolve("test/my_tool_test.lua")).content().contains("describe(\"my-tool\"")
                .contains("it(\"greets by name\"").contains("assert.are.equal");
        assertThat(dir.resolve(".gitignore")).content().isEqualTo("hype_modules/\nhype_modules.*\n");
        CliRun check = CliRun.of("pkg", "check", "-C", dir.toString(), "--store-dir", temp.resolve("store").toString());
        assertThat(check.status()).as(check.out()).isZero();
        assertThat(check.out()).isEqualTo("ok: 0 packages checked\n");
    }

    @Test
    void useTheGivenNameAndKeepExistingFiles() throws Exception {
        Files.writeString(temp.resolve(".gitignore"), "target/");
        Files.writeString(temp.resolve("index.lua"), "return 42\n");
        CliRun init = CliRun.of("pkg", "init", "@acme/log-kit", "--path", temp.toString());

        assertThat(init.status()).as(init.err()).isZero();
        assertThat(Manifest.read(temp).name()).isEqualTo("@acme/log-kit");
        assertThat(temp.resolve("index.lua")).content().isEqualTo("return 42\n");
        assertThat(temp.resolve(".gitignore")).content().isEqualTo("target/\nhype_modules/\nhype_modules.*\n");
        assertThat(temp.resolve("test/log_kit_test.lua")).exists();
    }

    @Test
    void refuseToOverwriteHypeJson() throws Exception {
        Files.writeString(temp.resolve("hype.json"), "{\"name\": \"mine\"}");
        CliRun init = CliRun.of("pkg", "init", "--path", temp.toString());

        assertThat(init.status()).isEqualTo(1);
        assertThat(init.err()).startsWith("error: ").contains("hype.json already exists");
        assertThat(temp.resolve("hype.json")).content().isEqualTo("{\"name\": \"mine\"}");
        assertThat(temp.resolve("index.lua")).doesNotExist();
    }

    @Test
    void rejectAnInvalidName() {
        CliRun init = CliRun.of("pkg", "init", "Bad Name", "--path", temp.toString());
        assertThat(init.status()).isEqualTo(1);
        assertThat(init.err()).contains("cannot use \"Bad Name\"");
    }
}
