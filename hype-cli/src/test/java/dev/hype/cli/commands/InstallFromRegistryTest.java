package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.cli.GoldenTest;
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

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
    }

    @AfterEach
    void stop() {
        project.close();
    }

    @Test
    void installedPackagesRunWithTheProject() throws Exception {
        project.publish("math-lib", "1.0.0", "{}", "return { add = function(a, b) return a + b end }\n");
        project.publish("math-lib", "1.1.0", "{\"fmt-lib\": \"^2\"}",
                "local fmt = require('fmt-lib')\nreturn { add = function(a, b) return fmt.show(a + b) end }\n");
        project.publish("fmt-lib", "2.0.0", "{}", "return { show = function(n) return 'sum=' .. n end }\n");
        project.manifest("{}");
        Files.writeString(project.app.resolve("app.lua"), "print(require('math-lib').add(2, 3))\n");

        CliRun install = project.pkg("install", "math-lib");
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(Files.readString(project.app.resolve("hype.json"))).contains("\"math-lib\": \"^1.1.0\"");
        assertThat(Files.readString(project.app.resolve("hype-lock.json"))).contains("fmt-lib").contains("sha512-");
        assertThat(project.app.resolve("hype_modules/fmt-lib/index.lua")).exists();

        GoldenTest.Result run = GoldenTest.runHype(project.app, List.of("app.lua"), "");
        assertThat(run.stdout()).as(run.stderr()).isEqualTo("sum=5\n");

        CliRun check = CliRun.of("pkg", "check", "-C", project.app.toString(),
                "--store-dir", temp.resolve("store").toString());
        assertThat(check.status()).as(check.out() + check.err()).isZero();
    }

    @Test
    void printsWhatChangedAsJson() throws Exception {
        project.publish("one", "1.0.0", "{}");
        project.manifest("{\"one\": \"^1\"}");
        CliRun install = project.pkg("install", "--json");
        assertThat(install.status()).as(install.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(install.out());
        assertThat(doc.path("added").toString()).contains("one");
        assertThat(doc.path("lockfileChanged").asBoolean()).isTrue();
    }

    @Test
    void aMissingPackageNamesTheRegistry() throws Exception {
        project.manifest("{}");
        CliRun install = project.pkg("install", "no-such-package");
        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).contains("no-such-package");
        assertThat(project.app.resolve("hype_modules")).doesNotExist();
    }
}
