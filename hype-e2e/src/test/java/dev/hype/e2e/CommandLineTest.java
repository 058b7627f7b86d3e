package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments as users type them: conditions named like commands, user errors that are not bugs, mistyped commands
 * and options, and the small fixes of issue 13 (items 5, 13 and 14).
 */
class CommandLineTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void create() {
        hype = Hype.in(temp);
    }

    /** Assert a failure of the user's making: the exit status, a message, and no claim of a bug or Java internals. */
    private static Result userError(Result result, int status, String... messages) {
        result.assertExit(status);
        assertThat(result.stderr()).as(result.describe()).contains(messages).doesNotContain("bug in hype")
                .doesNotContain("Exception").doesNotContain("StreamReadFeature").doesNotContain("at dev.hype");
        return result;
    }

    @Test
    void conditionsMayBeNamedLikeCommandsAsTheDocsTestExampleIs() {
        hype.write("hype.json", """
                {"name": "app", "version": "1.0.0",
                 "imports": {"#config": {"test": "./config/test.lua", "pkg": "./config/pkg.lua",
                                         "default": "./config/default.lua"}}}
                """);
        hype.write("config/test.lua", "return 'test config'\n");
        hype.write("config/pkg.lua", "return 'pkg config'\n");
        hype.write("config/default.lua", "return 'default config'\n");
        hype.write("app.lua", "print(require('#config'))\n");

        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("default config\n");
        assertThat(hype.run("-C", "test", "app.lua").assertSuccess().stdout()).isEqualTo("test config\n");
        assertThat(hype.run("--conditions", "test", "app.lua").assertSuccess().stdout()).isEqualTo("test config\n");
        assertThat(hype.run("--conditions=pkg", "app.lua").assertSuccess().stdout()).isEqualTo("pkg config\n");
        assertThat(hype.run("-C", "registry", "-C", "test", "app.lua").assertSuccess().stdout())
                .isEqualTo("test config\n");
    }

    @Test
    void userErrorsAreNotReportedAsBugs() throws IOException {
        Files.createDirectories(hype.directory().resolve("report"));
        hype.write("a-file", "x\n");
        hype.write("test/a_test.lua", "describe('a', function() it('b', function() assert.is_true(true) end) end)\n");

        userError(hype.run("pkg", "info", "Bad Name"), 1, "argument 'Bad Name': invalid package name");
        userError(hype.run("test", "-o", "report"), 2, "report is a directory");
        userError(hype.run("test", "--coverage", "--coverage-output", "report"), 2, "report is a directory");
        assertThat(hype.directory().resolve("report.tmp")).doesNotExist();
        userError(hype.run("pkg", "keygen", "--out", "a-file"), 2, "a-file is a file, not a directory");
        userError(hype.run("registry", "serve", "--port", "70000"), 2, "70000 is not a port");
        userError(hype.run("pkg", "keygen", "--name", "../escape"), 2, "must be a plain file name");
    }

    @Test
    void brokenFilesAreNamedWithoutLibraryInternals() throws IOException {
        Files.writeString(hype.hypeHome().resolve("config.json"), "{bad");
        userError(hype.run("pkg", "info", "anything"), 1, "config.json", "line 1, column 2");

        Files.delete(hype.hypeHome().resolve("config.json"));
        hype.write("hype.json", "{\"name\": \"signed\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");
        hype.write("k.key", "bm90IGEga2V5\n");
        hype.write("k.pub", "bm90IGEga2V5\n");
        userError(hype.run("pkg", "publish", "--sign", "k.key", "--registry", "file:./registry"), 1,
                "is not an Ed25519 private key").stderr();
        assertThat(hype.run("pkg", "publish", "--sign", "k.key", "--registry", "file:./registry").stderr())
                .doesNotContain("InvalidKey");
    }

    @Test
    void mistypedCommandsAndOptionsGetDidYouMean() {
        userError(hype.run("pkg", "instal"), 2, "'instal' is not a 'hype pkg' command", "did you mean 'install'?");
        userError(hype.run("pkg", "install", "--dve"), 2, "unknown option '--dve'", "did you mean '--dev'?");
        userError(hype.run("instal"), 1, "cannot open instal", "did you mean 'hype pkg install'?");
        userError(hype.run("outdated"), 1, "did you mean 'hype pkg outdated'?");
        assertThat(hype.run("pkg", "add", "--help").assertSuccess().stdout()).contains("Usage: hype pkg install");
    }

    @Test
    void semverWithoutArgumentsPrintsUsage() {
        Result result = hype.run("semver").assertSuccess();
        assertThat(result.stdout()).contains("Usage: hype semver");
        assertThat(hype.run("semver", "-r", "^1").assertExit(1).stdout()).isEmpty();
        assertThat(hype.run("semver", "1.2.3", "1.0.0", "--json").assertSuccess().stdout())
                .isEqualTo("[ \"1.0.0\", \"1.2.3\" ]\n");
    }

    @Test
    void execPassesHelpToTheBinAndRunPassesFlagsToTheScript() {
        hype.write("hype.json", """
                {"name": "app", "version": "1.0.0", "scripts": {"show": "echo got"}}
                """);
        hype.write("hype_modules/toolkit/hype.json", """
                {"name": "toolkit", "version": "1.0.0", "bin": {"tool": "tool.lua"}}
                """);
        hype.write("hype_modules/toolkit/tool.lua", "print('tool args: ' .. table.concat({...}, ' '))\n");

        Result exec = hype.run("pkg", "exec", "tool", "--help", "-x").assertSuccess();
        assertThat(exec.stdout()).isEqualTo("tool args: --help -x\n");
        assertThat(hype.run("pkg", "run", "show", "--help").assertSuccess().stdout()).isEqualTo("got --help\n");
        assertThat(hype.run("pkg", "exec", "--help").assertSuccess().stdout()).contains("Usage: hype pkg exec");
    }

    @Test
    void testTimeoutIsDocumentedInTheHelp() {
        assertThat(hype.run("test", "--help").assertSuccess().stdout()).contains("--timeout=SECONDS");
    }
}
