package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxOptionsTest {
    @TempDir
    Path dir;

    @Test
    void allowFlagsWithoutSandboxAreAUsageError() throws IOException {
        Path script = Files.writeString(dir.resolve("app.lua"), "print(1)\n");
        CliRun run = CliRun.of("--allow-read=" + dir, script.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--allow-read, --allow-write, --allow-net, --allow-env and --allow-run "
                + "only apply with --sandbox");
    }

    @Test
    void sandboxNeedsAScriptFile() {
        CliRun run = CliRun.of("--sandbox", "-e", "print(1)");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--sandbox and --allow-* need a script file");
    }

    @Test
    void sandboxAppliesTheProjectsOwnPermissions() throws IOException {
        Files.writeString(dir.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"permissions\": {\"filesystem\": {\"read\": [\"data\"]}}}");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/in.txt"), "granted");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Path script = Files.writeString(dir.resolve("app.lua"), """
                local fs = require("fs")
                assert(fs.readFileSync(__dirname .. "/data/in.txt") == "granted")
                fs.readFileSync(__dirname .. "/secret.txt")
                """);
        CliRun run = CliRun.of("--sandbox", script.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("PERMISSION_DENIED: the project may not read " + dir.toRealPath().resolve("secret.txt")
                + " (fs.readFileSync); allow it with permissions.filesystem.read in hype.json or run with --allow-read=");
    }

    @Test
    void allowReadAddsToTheSandbox() throws IOException {
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Path script = Files.writeString(dir.resolve("app.lua"), """
                assert(require("fs").readFileSync(__dirname .. "/secret.txt") == "secret")
                local ok, err = pcall(os.getenv, "HOME")
                assert(not ok and err.kind == "env", tostring(err))
                """);
        CliRun run = CliRun.of("--sandbox", "--allow-read=" + dir.toRealPath(), script.toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void aMalformedProjectPermissionIsNamed() throws IOException {
        Files.writeString(dir.resolve("hype.json"), "{\"permissions\": {\"process\": \"yes\"}}");
        Path script = Files.writeString(dir.resolve("app.lua"), "print(1)\n");
        CliRun run = CliRun.of("--sandbox", script.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains(dir.resolve("hype.json") + ": permissions.process: expected true or false");
    }
}
