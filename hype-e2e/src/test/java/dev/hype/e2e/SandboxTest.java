package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hype --sandbox} and the {@code --allow-*} flags (README, docs/permissions.md). */
class SandboxTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createProject() {
        hype = Hype.in(temp);
        hype.write("hype.json", """
                {"name": "app", "version": "1.0.0", "permissions": {"filesystem": {"read": ["data/**"]}}}
                """);
        hype.write("data/x.txt", "hi\n");
        hype.write("app.lua", """
                local fs = require("fs")
                io.write(fs.readFileSync("data/x.txt"))
                print(pcall(fs.writeFileSync, "out.txt", "x"))
                print(pcall(os.getenv, "HOME"))
                print(pcall(os.execute, "true"))
                """);
    }

    @Test
    void theProjectGetsOnlyWhatItsHypeJsonAsksFor() {
        Result result = hype.run("--sandbox", "app.lua").assertSuccess();

        String[] lines = result.stdout().split("\n");
        assertThat(lines[0]).isEqualTo("hi");
        assertThat(lines[1]).startsWith("false\tPERMISSION_DENIED: the project may not write ")
                .endsWith("(fs.writeFileSync); allow it with permissions.filesystem.write in hype.json or run with --allow-write="
                        + realPath() + "/out.txt");
        assertThat(lines[2]).startsWith("false\tPERMISSION_DENIED: the project may not read the environment variable HOME");
        assertThat(lines[3]).startsWith("false\tPERMISSION_DENIED: the project may not run");
        assertThat(hype.directory().resolve("out.txt")).doesNotExist();
    }

    @Test
    void allowFlagsAddToTheProjectsPermissions() {
        Result result = hype.run("--sandbox", "--allow-write=out.txt", "--allow-env=HOME", "--allow-run", "app.lua")
                .assertSuccess();

        assertThat(result.stdout()).isEqualTo("hi\ntrue\ntrue\t" + hype.home() + "\ntrue\ttrue\texit\t0\n");
        assertThat(hype.read("out.txt")).isEqualTo("x");
    }

    @Test
    void allowFlagsWithoutSandboxAndSandboxWithoutAScriptAreUsageErrors() {
        assertThat(hype.run("--allow-read=data", "app.lua").assertExit(2).stderr())
                .contains("only apply with --sandbox");
        assertThat(hype.run("--sandbox", "-e", "print(1)").assertExit(2).stderr())
                .contains("--sandbox and --allow-* need a script file");
    }

    private String realPath() {
        try {
            return hype.directory().toRealPath().toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
