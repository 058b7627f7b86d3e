package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** List installed packages and outdated direct dependencies against the real registry. */
class ListCommandTest {
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

    private void installAWithB() throws Exception {
        project.publish("b-lib", "1.0.0", "{}");
        project.publish("a-lib", "1.0.0", "{\"b-lib\": \"^1\"}");
        project.manifest("{\"a-lib\": \"^1.0.0\"}");
        CliRun install = project.pkg("install");
        assertThat(install.status()).as(install.err()).isZero();
    }

    @Test
    void listsDirectAndTransitivePackages() throws Exception {
        installAWithB();
        CliRun list = project.local("list");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).isEqualTo("a-lib 1.0.0\nb-lib 1.0.0 (transitive)\n");
    }

    @Test
    void listsAsJson() throws Exception {
        installAWithB();
        CliRun list = project.local("list", "--json");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"name\" : \"b-lib\"").contains("\"direct\" : false")
                .contains("\"installed\" : true");
    }

    @Test
    void outdatedPrintsNothingWhenAllAreCurrent() throws Exception {
        installAWithB();
        CliRun outdated = project.pkg("list", "--outdated");
        assertThat(outdated.status()).as(outdated.err()).isZero();
        assertThat(outdated.out()).isEmpty();
    }

    @Test
    void outdatedShowsCurrentWantedAndLatest() throws Exception {
        installAWithB();
        project.publish("a-lib", "1.2.0", "{\"b-lib\": \"^1\"}");
        project.publish("a-lib", "2.0.0", "{}");
        CliRun outdated = project.pkg("list", "--outdated");
        assertThat(outdated.status()).as(outdated.err()).isZero();
        assertThat(outdated.out()).isEqualTo("""
            Package  Current  Wanted  Latest
            a-lib    1.0.0    1.2.0   2.0.0
            """);
        CliRun json = project.pkg("list", "--outdated", "--json");
        assertThat(json.out()).contains("\"wanted\" : \"1.2.0\"").contains("\"latest\" : \"2.0.0\"");
    }

    @Test
    void listingWithoutALockfileSaysNothingIsInstalled() throws Exception {
        project.manifest("{}");
        CliRun list = project.local("list");
        assertThat(list.status()).isEqualTo(1);
        assertThat(list.err()).contains("hype-lock.json").contains("hype pkg install");
    }
}
