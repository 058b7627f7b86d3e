package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import dev.hype.pm.pack.PackedFile;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.Dist;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfig;
import dev.hype.pm.registry.RegistryPackageSource;
import dev.hype.pm.registry.Tarball;
import dev.hype.pm.semver.Version;
import dev.hype.registry.server.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run pack, publish, info and search in-process against the real registry server on a free port. */
class RegistryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestRegistry registry;

    @BeforeEach
    void start() {
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, temp.resolve("home").toString());
        registry = TestRegistry.start();
    }

    @AfterEach
    void stop() {
        registry.close();
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
    }

    private Path project(String name, String version, String dependencies) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src-" + name.replace('/', '_') + "-" + version));
        Files.writeString(dir.resolve("hype.json"), """
            {"name": "%s", "version": "%s", "description": "Says hello", "license": "MIT",
             "keywords": ["greeting"], "dependencies": %s}
            """.formatted(name, version, dependencies));
        Files.writeString(dir.resolve("index.lua"), "return { hello = function() return 'hi' end }\n");
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n");
        return dir;
    }

    private CliRun publish(Path dir, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("pkg", "publish", "-C", dir.toString(),
            "--registry", registry.url(), "--token", registry.token()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void publishThenInfoThenFetchTheTarballAndVerifyIt() throws Exception {
        Path dir = project("greet", "1.0.0", "{}");
        CliRun published = publish(dir);
        assertThat(published.status()).as(published.err()).isZero();
        assertThat(published.out()).isEqualTo("+ greet@1.0.0\n");
        assertThat(published.err()).contains("publishing greet@1.0.0 to " + registry.url());

        CliRun info = CliRun.of("pkg", "info", "greet", "--registry", registry.url(), "--json");
        assertThat(info.status()).as(info.err()).isZero();
        JsonNode doc = JSON.readTree(info.out());
        assertThat(doc.path("description").asText()).isEqualTo("Says hello");
        assertThat(doc.path("license").asText()).isEqualTo("MIT");
        assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        String integrity = doc.path("dist").path("integrity").asText();
        assertThat(integrity).startsWith("sha512-");

        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(URI.create(registry.url())),
            ClientOptions.defaults(temp.resolve("cache")))) {
            Packument packument = client.packument("greet", Form.ABBREVIATED);
            Tarball tarball = client.download("greet", "1.0.0", packument.dist("1.0.0").orElseThrow());
            assertThat(tarball.integrity().sri()).isEqualTo(integrity);
            assertThat(tarball.listing().files()).extracting(PackedFile::path)
                .containsExactlyInAnyOrder("README.md", "hype.json", "index.lua");
            assertThat(client.version("greet", "latest").path("version").asText()).isEqualTo("1.0.0");
        }
    }

    @Test
    void infoWithARangeListsTheSatisfyingVersionsAndTextShowsTheDetails() throws Exception {
        for (String version : List.of("1.0.0", "1.2.0", "2.0.0")) {
            assertThat(publish(project("greet", version, "{\"dep\": \"^1.0.0\"}")).status()).isZero();
        }
        CliRun range = CliRun.of("pkg", "info", "greet@^1", "--registry", registry.url());
        assertThat(range.out()).isEqualTo("1.0.0\n1.2.0\n");
        CliRun none = CliRun.of("pkg", "info", "greet@^9", "--registry", registry.url());
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("no version of greet satisfies ^9; published: 1.0.0, 1.2.0, 2.0.0");

        CliRun text = CliRun.of("pkg", "info", "greet", "--registry", registry.url());
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).startsWith("greet@2.0.0 | MIT | versions: 3\nSays hello\n")
            .contains("  latest: 2.0.0", "versions: 1.0.0, 1.2.0, 2.0.0", "  dep: ^1.0.0", "  integrity: sha512-");
    }

    @Test
    void theRegistryStorageWorksAsAFileRegistry() throws Exception {
        assertThat(publish(project("greet", "1.0.0", "{}")).status()).isZero();
        CliRun info = CliRun.of("pkg", "info", "greet@1", "--registry", "file:" + registry.storage());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).isEqualTo("1.0.0\n");

        RegistryConfig config = RegistryConfig.defaults().withRegistry(registry.storage().toUri());
        try (RegistryClient client = RegistryClient.create(config, ClientOptions.defaults(null))) {
            RegistryPackageSource source = new RegistryPackageSource(client);
            assertThat(source.versions("greet")).hasValue(List.of(Version.parse("1.0.0")));
            Tarball tarball = client.download("greet", "1.0.0", client.packument("greet", Form.FULL).dist("1.0.0").orElseThrow());
            assertThat(tarball.listing().manifest("hype.json")).isPresent();
        }
    }

    @Test
    void republishingAVersionIsAConflictWithAHint() throws Exception {
        Path dir = project("greet", "1.0.0", "{}");
        assertThat(publish(dir).status()).isZero();
        CliRun again = publish(dir);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("greet@1.0.0 is already published in " + registry.url())
            .contains("hint: published versions are immutable");
        CliRun forced = publish(dir, "--force");
        assertThat(forced.status()).isEqualTo(1);
        assertThat(forced.err()).contains("greet", registry.url(), "HTTP 409").contains("hint: published versions are immutable");
    }

    @Test
    void publishingWithoutATokenIsUnauthorisedWithAHint() throws Exception {
        CliRun run = CliRun.of("pkg", "publish", "-C", project("greet", "1.0.0", "{}").toString(),
            "--registry", registry.url());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("cannot publish greet: no token is configured for " + registry.url())
            .contains("hype registry token create").contains("HYPE_TOKEN");
    }

    @Test
    void infoOnAnUnknownPackageNamesRegistryAndStatus() {
        CliRun run = CliRun.of("pkg", "info", "nothing-here", "--registry", registry.url());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("error: package nothing-here not found in " + registry.url(), "HTTP 404")
            .contains("hint: check the package name");
    }

    @Test
    void scopedPackagesPublishUnderTheirTagAndAreFound() throws Exception {
        CliRun published = publish(project("@acme/widget", "0.1.0-beta.1", "{}"), "--tag", "next");
        assertThat(published.status()).as(published.err()).isZero();
        CliRun tag = CliRun.of("pkg", "info", "@acme/widget@next", "--registry", registry.url(), "--json");
        assertThat(JSON.readTree(tag.out()).path("version").asText()).isEqualTo("0.1.0-beta.1");

        CliRun search = CliRun.of("pkg", "search", "widget", "--registry", registry.url());
        assertThat(search.status()).as(search.err()).isZero();
        assertThat(search.out()).contains("@acme/widget").contains("0.1.0-beta.1");
        CliRun json = CliRun.of("pkg", "search", "nomatchanywhere", "--json", "--registry", registry.url());
        assertThat(JSON.readTree(json.out()).size()).isZero();
    }

    @Test
    void dryRunSendsNothing() throws Exception {
        CliRun run = publish(project("greet", "1.0.0", "{}"), "--dry-run");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("+ greet@1.0.0 (dry run");
        assertThat(registry.get("/greet").statusCode()).isEqualTo(404);
    }

    @Test
    void uncommittedChangesStopAPublishUnlessForced() throws Exception {
        Path dir = project("greet", "1.0.0", "{}");
        git(dir, "init", "-q");
        git(dir, "add", ".");
        git(dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
        Files.writeString(dir.resolve("index.lua"), "return {}\n");

        CliRun refused = publish(dir);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("uncommitted changes", "index.lua").contains("--force");
        assertThat(registry.get("/greet").statusCode()).isEqualTo(404);

        CliRun forced = publish(dir, "--force");
        assertThat(forced.status()).as(forced.err()).isZero();
    }

    @Test
    void inAMonorepoOnlyChangesThatWouldBePublishedCount() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path dir = Files.createDirectories(repo.resolve("packages/greet"));
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"greet\", \"version\": \"1.0.0\"}");
        Files.writeString(dir.resolve("index.lua"), "return 1\n");
        git(repo, "init", "-q");
        git(repo, "add", ".");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "init");
        Files.writeString(repo.resolve("elsewhere.lua"), "return 2\n");
        assertThat(CliRun.of("pkg", "pack", "-C", dir.toString()).status()).isZero();

        CliRun clean = publish(dir);
        assertThat(clean.status()).as(clean.err()).isZero();

        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"greet\", \"version\": \"1.0.1\"}");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "bump");
        Files.writeString(dir.resolve("extra.lua"), "return 3\n");
        CliRun untracked = publish(dir);
        assertThat(untracked.status()).isEqualTo(1);
        assertThat(untracked.err()).contains("?? packages/greet/extra.lua");
    }

    @Test
    void aBadTagIsRefusedBeforeAnythingIsSent() throws Exception {
        CliRun run = publish(project("greet", "1.0.0", "{}"), "--tag", "1.2.3");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("cannot be a dist-tag");
    }

    @Test
    void theProjectConfigNamesTheRegistryAndItsToken() throws Exception {
        Path dir = project("greet", "1.0.0", "{}");
        Files.writeString(dir.resolve(".hyperc.json"), """
            {"registry": "%s", "tokens": {"127.0.0.1:%d": "%s"}}""".formatted(registry.url(), registry.port(),
            registry.token()));
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(registry.get("/greet").statusCode()).isEqualTo(200);
    }

    @Test
    void distTagsMoveThroughTheServersEndpoints() throws Exception {
        assertThat(publish(project("greet", "1.0.0", "{}")).status()).isZero();
        assertThat(publish(project("greet", "1.1.0", "{}")).status()).isZero();
        RegistryConfig config = RegistryConfig.defaults().withRegistry(URI.create(registry.url()))
            .withToken(registry.token());
        try (RegistryClient client = RegistryClient.create(config, ClientOptions.defaults(null))) {
            client.setDistTag("greet", "stable", "1.0.0");
            assertThat(client.distTags("greet")).containsEntry("stable", "1.0.0").containsEntry("latest", "1.1.0");
            client.removeDistTag("greet", "stable");
            assertThat(client.distTags("greet")).doesNotContainKey("stable");
        }
    }

    @Test
    void theResolverResolvesAgainstTheServerThroughThePackageSource() throws Exception {
        assertThat(publish(project("a", "1.0.0", "{\"b\": \"^1.0.0\"}")).status()).isZero();
        for (String version : List.of("1.0.0", "1.1.0", "2.0.0")) {
            assertThat(publish(project("b", version, "{}")).status()).isZero();
        }
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"0.1.0\", \"dependencies\": {\"a\": \"^1\"}}");
        RegistryConfig config = RegistryConfig.defaults().withRegistry(URI.create(registry.url()));
        try (RegistryClient client = RegistryClient.create(config, ClientOptions.defaults(temp.resolve("cache")))) {
            var result = dev.hype.pm.ops.ResolveOperation.run(
                dev.hype.pm.ops.ResolveOptions.withSource(app, new RegistryPackageSource(client)));
            assertThat(result.resolution().versions()).containsEntry("a", Version.parse("1.0.0"))
                .containsEntry("b", Version.parse("1.1.0"));
        }
    }

    @Test
    void aSearchLimitOutOfRangeIsAUsageError() {
        CliRun run = CliRun.of("pkg", "search", "x", "--limit", "0", "--registry", registry.url());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--limit must be between 1 and 250");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
