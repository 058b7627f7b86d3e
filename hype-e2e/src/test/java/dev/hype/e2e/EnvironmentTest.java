package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment variables and per-user and per-project files the docs name: {@code HYPE_HOME}
 * (and {@code ~/.hype} without it), {@code NO_COLOR}, {@code HYPE_NO_AOT}, {@code .hyperc.json}.
 * {@code HYPE_TOKEN} and {@code config.json} are in {@link LauncherConfigurationTest}.
 */
class EnvironmentTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createRunner() {
        hype = Hype.in(temp);
    }

    @Test
    void requireSearchesHypeHomeModulesAfterTheProjectsFolders() throws IOException {
        Files.createDirectories(hype.hypeHome().resolve("modules/shared"));
        Files.writeString(hype.hypeHome().resolve("modules/shared/init.lua"), "return 'from HYPE_HOME'\n");
        hype.write("app.lua", "print((require('shared')))\n");

        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("from HYPE_HOME\n");

        hype.write("hype_modules/shared/init.lua", "return 'from hype_modules'\n");
        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("from hype_modules\n");
    }

    @Test
    void withoutHypeHomeEverythingGoesUnderDotHypeInHome() throws IOException {
        hype.withoutHypeHome();
        Files.createDirectories(hype.home().resolve(".hype/modules/shared"));
        Files.writeString(hype.home().resolve(".hype/modules/shared/init.lua"), "return 'from ~/.hype'\n");
        hype.write("app.lua", "print((require('shared')))\n");
        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("from ~/.hype\n");

        hype.run("pkg", "keygen").assertSuccess();
        assertThat(hype.home().resolve(".hype/keys")).isDirectoryContaining(p -> p.toString().endsWith(".pub"));
        hype.run("registry", "token", "create", "alice").assertSuccess();
        assertThat(hype.home().resolve(".hype/registry/.hype/tokens.json")).exists();
    }

    @Test
    void theStoreLivesInHypeHomeAndStoreDirMovesIt() throws IOException {
        Index index = Index.of(hype, "lib", "1.0.0");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"lib\": \"^1.0.0\"}}\n");

        hype.run("pkg", "install", "--index", index.file()).assertSuccess();
        assertThat(hype.hypeHome().resolve("store/v1/sha512")).isDirectory();

        hype.delete("hype_modules");
        hype.run("pkg", "install", "--index", index.file(), "--store-dir", temp.resolve("elsewhere").toString()).assertSuccess();
        assertThat(temp.resolve("elsewhere/v1/sha512")).isDirectory();
    }

    @Test
    void progressIsABarOnATerminalInColourUnlessNoColorIsSet() {
        Index index = Index.of(hype, "lib", "1.0.0");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"lib\": \"^1.0.0\"}}\n");

        Result coloured = hype.terminal("pkg", "install", "--index", index.file()).assertSuccess();
        assertThat(coloured.stdout()).contains("1/1 packages").contains("\u001b[32m");

        hype.delete("hype_modules");
        hype.env("NO_COLOR", "1");
        Result plain = hype.terminal("pkg", "install", "--index", index.file()).assertSuccess();
        assertThat(plain.stdout()).contains("1/1 packages").doesNotContain("\u001b[32m");

        Result piped = hype.run("pkg", "install", "--index", index.file()).assertSuccess();
        assertThat(piped.stderr()).doesNotContain("\r").doesNotContain("packages,");
    }

    @Test
    void hypeNoAotRunsWithoutTheStartUpCache() {
        hype.env("HYPE_NO_AOT", "1");

        assertThat(hype.run("-e", "print('no cache')").assertSuccess().stdout()).isEqualTo("no cache\n");
    }

    @Test
    void theNearestHyperCJsonChoosesTheRegistry() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            registry.publish("{\"name\": \"lib\", \"version\": \"2.0.0\"}\n");
            hype.write(".hyperc.json", "{\"registry\": \"file:nowhere\"}\n");
            hype.cd("nested/app");
            hype.write(".hyperc.json", "{\"registry\": \"" + registry.url() + "\"}\n");
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");

            Result install = hype.run("pkg", "install", "lib").assertSuccess();

            assertThat(install.stdout()).contains("+ lib");
            assertThat(hype.read("hype.json")).contains("\"lib\": \"^2.0.0\"");
        }
    }

    /** A static index with one package, packed through the launcher (for installs without a registry). */
    record Index(String file) {
        static Index of(Hype hype, String name, String version) {
            Path previous = hype.directory();
            hype.cd("../index-" + name);
            hype.write("hype.json", "{\"name\": \"" + name + "\", \"version\": \"" + version + "\"}\n");
            hype.write("index.lua", "return '" + name + " " + version + "'\n");
            String out = hype.run("pkg", "pack", "--json").assertSuccess().stdout();
            String integrity = out.replaceAll("(?s).*\"integrity\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String tarball = name + "-" + version + ".tgz";
            hype.write("index.json", "{\"packages\": {\"" + name + "\": {\"" + version + "\": {\"dist\": {\"tarball\": \""
                    + tarball + "\", \"integrity\": \"" + integrity + "\"}}}}}\n");
            String file = hype.directory().resolve("index.json").toString();
            hype.cd(previous.toString());
            return new Index(file);
        }
    }
}
