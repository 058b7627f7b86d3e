package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Update locked versions against the real registry. */
class UpdateCommandTest {
    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
        project.publish("b-lib", "1.0.0", "{}");
        project.publish("a-lib", "1.0.0", "{\"b-lib\": \"^1\"}");
        project.manifest("{\"a-lib\": \"^1.0.0\"}");
        CliRun install = project.pkg("install");
        assertThat(install.status()).as(install.err()).isZero();
    }

    @AfterEach
    void stop() {
        project.close();
    }

    @Test
    void movesEveryPackageWithinItsRange() throws Exception {
        project.publish("b-lib", "1.1.0", "{}");
        project.publish("a-lib", "1.2.0", "{\"b-lib\": \"^1\"}");
        project.publish("a-lib", "2.0.0", "{}");
        CliRun update = project.pkg("update");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).isEqualTo("a-lib 1.0.0 -> 1.2.0\nb-lib 1.0.0 -> 1.1.0\n");
        assertThat(Files.readString(project.app.resolve("hype.json"))).contains("\"a-lib\": \"^1.0.0\"");
        assertThat(Files.readString(project.app.resolve("hype-lock.json"))).contains("1.2.0");
        assertThat(project.local("list").out()).isEqualTo("a-lib 1.2.0\nb-lib 1.1.0 (transitive)\n");
    }

    @Test
    void movesOnlyTheNamedPackage() throws Exception {
        project.publish("b-lib", "1.1.0", "{}");
        project.publish("a-lib", "1.2.0", "{\"b-lib\": \"^1\"}");
        CliRun update = project.pkg("update", "b-lib");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).isEqualTo("b-lib 1.0.0 -> 1.1.0\n");
    }

    @Test
    void latestRewritesTheRange() throws Exception {
        project.publish("a-lib", "2.0.0", "{}");
        CliRun update = project.pkg("update", "--latest");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).contains("a-lib 1.0.0 -> 2.0.0").contains("b-lib 1.0.0 -> (none)");
        String manifest = Files.readString(project.app.resolve("hype.json"));
        assertThat(manifest).contains("\"a-lib\": \"^2.0.0\"").startsWith("{\n  \"name\": \"app\",");
        assertThat(project.app.resolve("hype_modules/b-lib")).doesNotExist();
    }

    @Test
    void nothingToUpdateSaysSo() {
        CliRun update = project.pkg("update");
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(update.out()).isEqualTo("nothing to update\n");
    }

    @Test
    void anUnknownPackageIsAnError() throws Exception {
        String lock = Files.readString(project.app.resolve("hype-lock.json"));
        CliRun update = project.pkg("update", "zzz");
        assertThat(update.status()).isEqualTo(1);
        assertThat(update.err()).contains("zzz is not installed");
        CliRun latest = project.pkg("update", "--latest", "b-lib");
        assertThat(latest.status()).isEqualTo(1);
        assertThat(latest.err()).contains("b-lib is not a dependency of app");
        assertThat(Files.readString(project.app.resolve("hype-lock.json"))).isEqualTo(lock);
    }

    @Test
    void withoutALockfileNothingIsInstalled() throws Exception {
        Files.delete(project.app.resolve("hype-lock.json"));
        CliRun update = project.pkg("update");
        assertThat(update.status()).isEqualTo(1);
        assertThat(update.err()).contains("hype pkg install");
    }
}
