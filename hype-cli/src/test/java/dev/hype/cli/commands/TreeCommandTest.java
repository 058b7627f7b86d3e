package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void jsonMarksDedupedRepeatsAndShowsFeaturesWhenAsked() throws Exception {
        CliRun tree = project.local("tree", "--json", "-e", "features,normal");
        assertThat(tree.status()).as(tree.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(tree.out());
        assertThat(root.path("name").asText()).isEqualTo("app");
        assertThat(root.path("features").isObject()).isTrue();
        JsonNode c = root.path("dependencies").path(1);
        assertThat(c.path("name").asText()).isEqualTo("c-lib");
        assertThat(c.path("deduped").asBoolean()).isTrue();
        assertThat(root.path("dependencies").path(0).has("deduped")).isFalse();
    }

    @Test
    void invertAsJsonListsEveryPathAsSteps() throws Exception {
        CliRun paths = project.local("tree", "--invert", "b-lib", "--json", "--edges", "features");
        assertThat(paths.status()).as(paths.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(paths.out());
        assertThat(root.size()).isEqualTo(3);
        assertThat(root.path(2).path(1).path("name").asText()).isEqualTo("c-lib");
        assertThat(root.path(2).path(2).path("version").asText()).isEqualTo("1.0.0");
        assertThat(root.path(0).path(0).path("features").isObject()).isTrue();

        CliRun why = project.local("why", "b-lib", "--json");
        assertThat(why.status()).as(why.err()).isZero();
        JsonNode whyRoot = new ObjectMapper().readTree(why.out());
        assertThat(whyRoot.size()).isEqualTo(3);
        assertThat(whyRoot.path(0).path(0).path("name").asText()).isEqualTo("app");
        assertThat(whyRoot.path(0).path(0).has("features")).isFalse();
    }

    @Test
    void aNegativeDepthOrAnUnknownEdgeKindIsAUsageError() {
        CliRun depth = project.local("tree", "--depth", "-1");
        assertThat(depth.status()).isEqualTo(2);
        assertThat(depth.err()).contains("--depth must be 0 or more");
        CliRun edges = project.local("tree", "-e", "dev");
        assertThat(edges.status()).isEqualTo(2);
        assertThat(edges.err()).contains("-e/--edges: unknown kind 'dev' (expected features or normal)");
    }

    @Test
    void checkAsJsonReportsTheProblemsAndFailsOnThem() throws Exception {
        CliRun ok = project.local("check", "--json", "--store-dir", temp.resolve("store").toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        JsonNode clean = new ObjectMapper().readTree(ok.out());
        assertThat(clean.path("ok").asBoolean()).isTrue();
        assertThat(clean.path("packagesChecked").asInt()).isEqualTo(3);
        assertThat(clean.path("problems").size()).isZero();

        Path index = project.app.resolve("hype_modules/b-lib/index.lua");
        index.toFile().setWritable(true);
        java.nio.file.Files.writeString(index, "return 'changed'\n");
        CliRun bad = project.local("check", "--json", "--store-dir", temp.resolve("store").toString());
        assertThat(bad.status()).isEqualTo(1);
        JsonNode broken = new ObjectMapper().readTree(bad.out());
        assertThat(broken.path("ok").asBoolean()).isFalse();
        assertThat(broken.path("problems").path(0).path("subject").asText()).contains("b-lib");
        assertThat(broken.path("problems").path(0).path("kind").asText()).isNotEmpty();
    }
}
