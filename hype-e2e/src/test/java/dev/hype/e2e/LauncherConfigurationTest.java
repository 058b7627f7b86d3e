package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher hands commands the user's environment and configuration: {@code HYPE_TOKEN},
 * {@code ~/.hype/config.json} and {@code $HYPE_HOME}; it writes nothing into the checkout
 * (issue 13, item 1).
 */
class LauncherConfigurationTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createProject() {
        hype = Hype.in(temp);
        hype.write("hype.json", """
                {"name": "greeting", "version": "1.0.0", "main": "index.lua"}
                """);
        hype.write("index.lua", "return { text = 'hi' }\n");
    }

    @Test
    void publishTakesItsTokenFromHypeToken() {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");

            Result denied = hype.run("pkg", "publish", "--registry", registry.url());
            assertThat(denied.exitCode()).as(denied.describe()).isEqualTo(1);
            assertThat(denied.stderr()).contains("no token is configured").contains("HYPE_TOKEN");

            hype.env("HYPE_TOKEN", token);
            Result published = hype.run("pkg", "publish", "--registry", registry.url()).assertSuccess();
            assertThat(published.stdout()).contains("+ greeting@1.0.0");
        }
    }

    @Test
    void userConfigInTheHomeFolderChoosesTheRegistryAndItsToken() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            String token = registry.token("alice");
            URI url = URI.create(registry.url());
            hype.withoutHypeHome();
            Files.createDirectories(hype.home().resolve(".hype"));
            Files.writeString(hype.home().resolve(".hype/config.json"), """
                    {"registry": "%s", "tokens": {"%s:%d": "%s"}}
                    """.formatted(registry.url(), url.getHost(), url.getPort(), token));

            hype.run("pkg", "publish").assertSuccess();
            Result info = hype.run("pkg", "info", "greeting").assertSuccess();
            assertThat(info.stdout()).contains("greeting").contains("1.0.0");
            assertThat(hype.home().resolve(".hype/cache")).isDirectory();
        }
    }

    @Test
    void installCachesPackumentsUnderHypeHomeAndNothingInTheCheckout() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            hype.env("HYPE_TOKEN", registry.token("alice"));
            hype.run("pkg", "publish", "--registry", registry.url()).assertSuccess();

            hype.cd("../app");
            hype.write("hype.json", """
                    {"name": "app", "version": "0.1.0", "dependencies": {"greeting": "^1.0.0"}}
                    """);
            hype.write(".hyperc.json", "{\"registry\": \"" + registry.url() + "\"}\n");
            hype.write("main.lua", "print(require('greeting').text)\n");
            hype.run("pkg", "install").assertSuccess();
            assertThat(hype.run("main.lua").assertSuccess().stdout()).isEqualTo("hi\n");

            try (Stream<Path> cached = Files.walk(hype.hypeHome().resolve("cache"))) {
                assertThat(cached.filter(Files::isRegularFile)).isNotEmpty();
            }
            assertThat(Hype.checkout().resolve("cache")).doesNotExist();
        }
    }

    @Test
    void packageScriptsFindTheLauncherAsHype() {
        hype.write("hype.json", """
                {"name": "greeting", "version": "1.0.0", "scripts": {"version": "hype --version"}}
                """);
        hype.env("PATH", "/usr/bin:/bin");

        Result result = hype.run("pkg", "run", "version").assertSuccess();

        assertThat(result.stdout()).contains("Lua 5.4");
    }

    @Test
    void aBuiltDistributionRunsWithoutBuildingAgain() {
        Result result = hype.run("--version").assertSuccess();

        assertThat(result.stderr()).doesNotContain("building");
        assertThat(result.stdout()).startsWith("hype ").contains("Lua 5.4.8");
    }
}
