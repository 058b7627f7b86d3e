package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Print dependency trees from a lockfile installed from the real registry. */
class TreeCommandTest {
    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
        project.publish("b-lib", "1.0.0", "{}");
        project.publish("c-lib", "1.0.0", "{\"b-lib\": \"^1\"}");
        project.publish("a-lib", "1.0.0", "{\"b-lib\": \"^1\", \"c-lib\": \"^1\"}");
        project.manifest("{\"c-lib\": \"^1\", \"a-lib\": \"^1\"}");
        CliRun install = project.pkg("install");
        assertThat(install.status()).as(install.err()).isZero();
    }

    @AfterEach
    void stop() {
        project.close();
    }

    @Test
    void printsTheTreeOnceMarkingRepeatsDeduped() {
        CliRun tree = project.local("tree");
        assertThat(tree.status()).as(tree.err()).isZero();
        assertThat(tree.out()).isEqualTo("""
            app@0.1.0
            ├── a-lib@1.0.0
            │   ├── b-lib@1.0.0
            │   └── c-lib@1.0.0
            │       └── b-lib@1.0.0 (deduped)
            └── c-lib@1.0.0 (deduped)
            """);
    }

    @Test
    void depthLimitsTheLevels() {
        CliRun tree = project.local("tree", "--depth", "1");
        assertThat(tree.out()).isEqualTo("""
            app@0.1.0
            ├── a-lib@1.0.0
            └── c-lib@1.0.0
            """);
    }

    @Test
    void aNameRootsTheTreeAtThatPackage() {
        CliRun tree = project.local("tree", "c-lib");
        assertThat(tree.out()).isEqualTo("""
            c-lib@1.0.0
            └── b-lib@1.0.0
            """);
    }

    @Test
    void invertShowsEveryPathToThePackage() {
        CliRun why = project.local("tree", "--invert", "b-lib");
        assertThat(why.status()).as(why.err()).isZero();
        assertThat(why.out()).isEqualTo("""
            app@0.1.0 > a-lib@1.0.0 > b-lib@1.0.0
            app@0.1.0 > a-lib@1.0.0 > c-lib@1.0.0 > b-lib@1.0.0
            app@0.1.0 > c-lib@1.0.0 > b-lib@1.0.0
            """);
    }

    @Test
    void jsonNestsDependencies() {
        CliRun tree = project.local("tree", "--json", "--depth", "1");
        assertThat(tree.out()).contains("\"name\" : \"app\"").contains("\"name\" : \"a-lib\"")
                .doesNotContain("b-lib");
    }

    @Test
    void aPackageThatIsNotInstalledIsAnError() {
        CliRun why = project.local("tree", "--invert", "zzz");
        assertThat(why.status()).isEqualTo(1);
        assertThat(why.err()).contains("zzz is not installed");
        CliRun tree = project.local("tree", "zzz");
        assertThat(tree.status()).isEqualTo(1);
        assertThat(tree.err()).contains("zzz is not installed");
    }
}
