package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package commands that need no registry: init, test, pack/build, run, resolve, check. */
class ProjectCommandsTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createRunner() {
        hype = Hype.in(temp);
    }

    @Test
    void initScaffoldsAProjectWhoseTestPassesAndWhichCheckAccepts() {
        hype.cd("my-app");

        Result init = hype.run("pkg", "init").assertSuccess();

        assertThat(init.stdout()).contains("created my-app");
        assertThat(hype.read("hype.json")).contains("\"name\": \"my-app\"").contains("\"version\": \"0.1.0\"");
        assertThat(hype.read(".gitignore")).contains("hype_modules/").contains("hype_modules.*");
        assertThat(hype.read("test/my_app_test.lua")).contains("require(\"../index\")");
        Result test = hype.run("test").assertSuccess();
        assertThat(test.stdout()).contains("PASS test/my_app_test.lua (1 passed)").contains("1 passed, 0 failed, 0 skipped");
        assertThat(hype.run("pkg", "test").assertSuccess().stdout()).contains("1 passed, 0 failed");
        hype.run("pkg", "check").assertSuccess();
        Result again = hype.run("pkg", "init").assertExit(1);
        assertThat(again.stderr()).contains("hype.json");
    }

    @Test
    void initTakesANameAndAPathAndKeepsAnExistingGitignore() {
        hype.write("lib/.gitignore", "*.log\n");

        hype.run("pkg", "init", "shiny", "--path", "lib").assertSuccess();

        assertThat(hype.read("lib/hype.json")).contains("\"name\": \"shiny\"");
        assertThat(hype.read("lib/.gitignore")).startsWith("*.log\n").contains("hype_modules/");
    }

    @Test
    void packWritesTheSameTarballEveryTimeAndBuildIsTheSameCommand() throws IOException {
        hype.write("hype.json", "{\"name\": \"@acme/tool\", \"version\": \"1.2.0\"}\n");
        hype.write("index.lua", "return 1\n");
        hype.write("notes.log", "ignored\n");
        hype.write(".hypeignore", "*.log\n");

        Result dry = hype.run("pkg", "pack", "--dry-run").assertSuccess();
        assertThat(dry.stdout()).contains("package: @acme/tool@1.2.0").contains("index.lua").doesNotContain("notes.log")
                .contains("tarball: acme-tool-1.2.0.tgz").contains("integrity: sha512-").contains("dry run: nothing written");
        assertThat(hype.directory().resolve("acme-tool-1.2.0.tgz")).doesNotExist();

        hype.run("pkg", "pack", "--out", "one").assertSuccess();
        hype.run("pkg", "build", "--out", "two").assertSuccess();
        assertThat(Files.readAllBytes(hype.directory().resolve("one/acme-tool-1.2.0.tgz")))
                .isEqualTo(Files.readAllBytes(hype.directory().resolve("two/acme-tool-1.2.0.tgz")));
        assertThat(hype.run("pkg", "pack", "--dry-run", "--json").assertSuccess().stdout())
                .contains("\"integrity\"").contains("\"shasum\"");
    }

    @Test
    void packRefusesALuaFileThatDoesNotCompile() {
        hype.write("hype.json", "{\"name\": \"broken\", \"version\": \"1.0.0\"}\n");
        hype.write("src/bad.lua", "local = 1\n");

        Result result = hype.run("pkg", "pack").assertExit(1);

        assertThat(result.stderr()).contains("bad.lua");
        assertThat(hype.directory().resolve("broken-1.0.0.tgz")).doesNotExist();
    }

    @Test
    void runRunsAScriptThroughTheShellWithItsArgumentsAndStatus() {
        hype.write("hype.json", """
                {"name": "app", "version": "1.0.0",
                 "scripts": {"greet": "echo \\"$HYPE_SCRIPT:\\" \\"$@\\" --", "fail": "exit 3", "lua": "hype -e 'print(6 * 7)'"}}
                """);

        Result listed = hype.run("pkg", "run").assertSuccess();
        assertThat(listed.stdout()).contains("greet").contains("fail");
        assertThat(hype.run("pkg", "run", "greet", "a b", "c").assertSuccess().stdout()).isEqualTo("greet: -- a b c\n");
        hype.run("pkg", "run", "fail").assertExit(3);
        assertThat(hype.run("pkg", "run", "lua").assertSuccess().stdout()).isEqualTo("42\n");
        Result unknown = hype.run("pkg", "run", "nope").assertExit(1);
        assertThat(unknown.stderr()).contains("nope").contains("greet");
    }

    @Test
    void resolvePrintsTheInstallOrderFromAnIndexOrExplainsTheConflict() {
        hype.write("index.json", """
                {"packages": {
                  "a": {"1.0.0": {"dependencies": {"b": "^1.0"}}, "2.0.0": {"dependencies": {"b": "^2.0"}}},
                  "b": {"1.0.0": {}, "1.5.0": {}, "2.0.0": {}}
                }}
                """);
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a\": \"^1.0.0\"}}\n");

        assertThat(hype.run("pkg", "resolve", "--index", "index.json").assertSuccess().stdout())
                .isEqualTo("b@1.5.0\na@1.0.0\n");
        assertThat(hype.run("pkg", "resolve", "--index", "index.json", "--json").assertSuccess().stdout())
                .contains("\"a\"").contains("1.0.0");

        hype.write("hype.json", """
                {"name": "app", "version": "1.0.0", "dependencies": {"a": "^2.0.0", "b": "^1.0.0"}}
                """);
        Result conflict = hype.run("pkg", "resolve", "--index", "index.json").assertExit(1);
        assertThat(conflict.stderr()).contains("version solving failed");
    }

    @Test
    void checkReportsAnInvalidManifestWithItsPosition() {
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.x\"}\n");

        Result result = hype.run("pkg", "check").assertExit(1);

        assertThat(result.stdout() + result.stderr()).contains("hype.json:1:").contains("version");
    }
}
