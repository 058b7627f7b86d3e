package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.cli.GoldenTest;
import dev.hype.registry.server.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish packages to the real registry, install them into a project, and run the project. */
class InstallFromRegistryTest {
    @TempDir
    Path temp;

    private TestRegistry registry;

    @BeforeEach
    void start() {
        System.setProperty(RegistryOptions.HOME_PROPERTY, temp.resolve("home").toString());
        registry = TestRegistry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
        System.clearProperty(RegistryOptions.HOME_PROPERTY);
    }

    private void publish(String name, String version, String dependencies, String index) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src-" + name + "-" + version));
        Files.writeString(dir.resolve("hype.json"), """
            {"name": "%s", "version": "%s", "license": "MIT", "main": "index.lua", "dependencies": %s}
            """.formatted(name, version, dependencies));
        Files.writeString(dir.resolve("index.lua"), index);
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString(), "--registry", registry.url(),
                "--token", registry.token(), "--force");
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    void installedPackagesRunWithTheProject() throws Exception {
        publish("math-lib", "1.0.0", "{}", "return { add = function(a, b) return a + b end }\n");
        publish("math-lib", "1.1.0", "{\"fmt-lib\": \"^2\"}",
                "local fmt = require('fmt-lib')\nreturn { add = function(a, b) return fmt.show(a + b) end }\n");
        publish("fmt-lib", "2.0.0", "{}", "return { show = function(n) return 'sum=' .. n end }\n");
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"0.1.0\", \"dependencies\": {}}\n");
        Files.writeString(app.resolve("app.lua"), "print(require('math-lib').add(2, 3))\n");

        CliRun install = CliRun.of("pkg", "install", "math-lib", "-C", app.toString(),
                "--registry", registry.url(), "--store-dir", temp.resolve("store").toString());
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(Files.readString(app.resolve("hype.json"))).contains("\"math-lib\": \"^1.1.0\"");
        assertThat(Files.readString(app.resolve("hype-lock.json"))).contains("fmt-lib").contains("sha512-");
        assertThat(app.resolve("hype_modules/fmt-lib/index.lua")).exists();

        GoldenTest.Result run = GoldenTest.runHype(app, List.of("app.lua"), "");
        assertThat(run.stdout()).as(run.stderr()).isEqualTo("sum=5\n");

        CliRun check = CliRun.of("pkg", "check", "-C", app.toString(),
                "--store-dir", temp.resolve("store").toString());
        assertThat(check.status()).as(check.out() + check.err()).isZero();
    }

    @Test
    void aMissingPackageNamesTheRegistry() throws Exception {
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"0.1.0\"}\n");
        CliRun install = CliRun.of("pkg", "install", "no-such-package", "-C", app.toString(),
                "--registry", registry.url(), "--store-dir", temp.resolve("store").toString());
        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).contains("no-such-package");
        assertThat(app.resolve("hype_modules")).doesNotExist();
    }
}
