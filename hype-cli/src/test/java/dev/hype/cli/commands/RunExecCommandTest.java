package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecCommandTest {
    @TempDir
    Path dir;

    private void manifest(String scripts) throws Exception {
        Files.writeString(dir.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"scripts\": " + scripts + "}");
    }

    @Test
    void runsAScriptInTheProjectWithArgumentsAndItsStatus() throws Exception {
        manifest("{\"greet\": \"echo hello > out.txt; echo \\\"$@\\\" >> out.txt\", \"fail\": \"exit 3\"}");
        CliRun run = CliRun.of("pkg", "run", "-C", dir.toString(), "greet", "a b");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).startsWith("hello\n");
        assertThat(CliRun.of("pkg", "run", "-C", dir.toString(), "fail").status()).isEqualTo(3);
    }

    @Test
    void putsInstalledBinsOnPath() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("hype_modules/.bin"));
        Path tool = Files.writeString(bin.resolve("mytool"), "#!/bin/sh\necho tool-ran > tool.txt\n");
        tool.toFile().setExecutable(true);
        manifest("{\"use\": \"mytool\"}");
        CliRun run = CliRun.of("pkg", "run", "-C", dir.toString(), "use");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("tool.txt"))).isEqualTo("tool-ran\n");
    }

    @Test
    void listsScriptsAndNamesAnUnknownOne() throws Exception {
        manifest("{\"build\": \"echo b\", \"lint\": \"echo l\"}");
        assertThat(CliRun.of("pkg", "run", "-C", dir.toString()).out()).isEqualTo("build\n  echo b\nlint\n  echo l\n");
        CliRun unknown = CliRun.of("pkg", "run", "-C", dir.toString(), "deploy");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("hype.json has no script named 'deploy'").contains("scripts: build, lint");
    }

    private void installTool() throws Exception {
        manifest("{}");
        Path pkg = Files.createDirectories(dir.resolve("hype_modules/tool/bin"));
        Files.writeString(pkg.resolve("tool.lua"),
                "#!/usr/bin/env hype\nlocal f = assert(io.open(arg[1], 'w')) f:write('ran with ' .. select('#', ...)) f:close()\n");
        Files.writeString(dir.resolve("hype_modules/tool/hype.json"),
                "{\"name\": \"tool\", \"version\": \"1.0.0\", \"bin\": {\"tool\": \"bin/tool.lua\"}}");
    }

    @Test
    void execRunsAnInstalledBinWithItsArgumentsAndItsApprovedPermissions() throws Exception {
        installTool();
        Files.writeString(dir.resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {"tool": {"version": "1.0.0",
                 "permissions": {"filesystem": {"write": ["$TMP/**"]}}}}}
                """);
        Path out = dir.resolve("exec.txt");
        CliRun run = CliRun.of("pkg", "exec", "-C", dir.toString(), "tool", out.toString(), "x");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("ran with 2");
    }

    @Test
    void execRunsABinAsItsPackagesCode() throws Exception {
        installTool();
        Path out = dir.resolve("exec.txt");
        CliRun run = CliRun.of("pkg", "exec", "-C", dir.toString(), "tool", out.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("PERMISSION_DENIED: package 'tool' may not write " + out + " (io.open)");
        assertThat(out).doesNotExist();
    }

    @Test
    void binsComeLastOnPathSoTheyNeverShadowACommand() throws Exception {
        // A .bin entry named like a real command (planted, or linked before the command was installed).
        Path bin = Files.createDirectories(dir.resolve("hype_modules/.bin"));
        for (String name : java.util.List.of("ls", "sh", "echo")) {
            Path fake = Files.writeString(bin.resolve(name), "#!/bin/sh\necho pwned >> pwned.txt\n");
            fake.toFile().setExecutable(true);
        }
        manifest("{\"list\": \"ls hype.json > out.txt && sh -c 'echo ran' >> out.txt && echo done >> out.txt\"}");
        CliRun run = CliRun.of("pkg", "run", "-C", dir.toString(), "list");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("out.txt"))).isEqualTo("hype.json\nran\ndone\n");
        assertThat(dir.resolve("pwned.txt")).doesNotExist();
    }

    @Test
    void execFindsAnInstalledBinEvenWhenItWasNotLinked() throws Exception {
        installTool();
        assertThat(dir.resolve("hype_modules/.bin")).doesNotExist();
        Files.writeString(dir.resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {"tool": {"version": "1.0.0",
                 "permissions": {"filesystem": {"write": ["$TMP/**"]}}}}}
                """);
        Path out = dir.resolve("exec.txt");
        CliRun run = CliRun.of("pkg", "exec", "-C", dir.toString(), "tool", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.readString(out)).isEqualTo("ran with 1");
    }

    @Test
    void execNamesAMissingBinAndTheInstalledOnes() throws Exception {
        manifest("{}");
        Path pkg = Files.createDirectories(dir.resolve("hype_modules/other"));
        Files.writeString(pkg.resolve("other.lua"), "print('x')\n");
        Files.writeString(pkg.resolve("hype.json"), "{\"name\": \"other\", \"bin\": \"other.lua\"}");
        CliRun run = CliRun.of("pkg", "exec", "-C", dir.toString(), "nope");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no installed package provides 'nope'").contains("installed commands: other");
    }

    @Test
    void execRefusesABinThatTwoPackagesProvide() throws Exception {
        manifest("{}");
        for (String name : java.util.List.of("first", "second")) {
            Path pkg = Files.createDirectories(dir.resolve("hype_modules/" + name));
            Files.writeString(pkg.resolve("tool.lua"), "print('" + name + "')\n");
            Files.writeString(pkg.resolve("hype.json"),
                    "{\"name\": \"" + name + "\", \"bin\": {\"tool\": \"tool.lua\"}}");
        }
        CliRun run = CliRun.of("pkg", "exec", "-C", dir.toString(), "tool");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("'tool' is provided by first and second")
                .contains("hint: run the one you mean with 'hype ").contains("tool.lua'");
    }
}
