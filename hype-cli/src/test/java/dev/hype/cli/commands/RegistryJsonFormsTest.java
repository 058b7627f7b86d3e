package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import dev.hype.registry.server.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --json} forms of the commands that change a registry or an account (publish, deprecate, unpublish,
 * update, login, logout), each checked against what the registry then holds, and the answers a login needs.
 */
class RegistryJsonFormsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private TestRegistry registry;
    private Path home;

    @BeforeEach
    void start() throws Exception {
        home = Files.createDirectories(temp.resolve("home"));
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, home.toString());
        registry = TestRegistry.start(config -> config.withAllowSignup(true));
    }

    @AfterEach
    void stop() {
        registry.close();
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
    }

    private CliRun pkg(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "pkg";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--registry";
        all[args.length + 2] = registry.url();
        all[args.length + 3] = "--token=" + registry.token();
        return CliRun.of(all);
    }

    private Path source(String version) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("lib-" + version));
        Files.writeString(dir.resolve("hype.json"), """
                {"name": "lib", "version": "%s", "license": "MIT", "main": "index.lua"}
                """.formatted(version));
        Files.writeString(dir.resolve("index.lua"), "return '" + version + "'\n");
        return dir;
    }

    private JsonNode publish(String version, String... extra) throws Exception {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"publish", "-C", source(version).toString(), "--force", "--json"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        CliRun run = pkg(args);
        assertThat(run.status()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    @Test
    void publishAsJsonNamesTheVersionTagIntegrityAndTarball() throws Exception {
        JsonNode dry = publish("1.0.0", "--dry-run");
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("tarball").isNull()).isTrue();
        assertThat(registry.get("/lib").statusCode()).isEqualTo(404);

        JsonNode real = publish("1.0.0");
        assertThat(real.path("name").asText()).isEqualTo("lib");
        assertThat(real.path("version").asText()).isEqualTo("1.0.0");
        assertThat(real.path("tag").asText()).isEqualTo("latest");
        assertThat(real.path("registry").asText()).startsWith(registry.url());
        assertThat(real.path("integrity").asText()).startsWith("sha512-");
        assertThat(real.path("dryRun").asBoolean()).isFalse();
        assertThat(TestRegistry.json(registry.get("/lib")).path("versions").path("1.0.0").path("dist")
                .path("integrity").asText()).isEqualTo(real.path("integrity").asText());
    }

    @Test
    void deprecateAndUnpublishAsJsonNameTheVersionsTheyChanged() throws Exception {
        publish("1.0.0");
        publish("1.1.0");
        publish("2.0.0");

        CliRun deprecate = pkg("deprecate", "lib@<2", "use 2.x", "--json");
        assertThat(deprecate.status()).as(deprecate.err()).isZero();
        JsonNode deprecated = JSON.readTree(deprecate.out());
        assertThat(deprecated.path("name").asText()).isEqualTo("lib");
        assertThat(deprecated.path("message").asText()).isEqualTo("use 2.x");
        assertThat(deprecated.path("versions").toString()).isEqualTo("[\"1.0.0\",\"1.1.0\"]");
        assertThat(TestRegistry.json(registry.get("/lib")).path("versions").path("1.1.0").path("deprecated").asText())
                .isEqualTo("use 2.x");

        CliRun undeprecate = pkg("deprecate", "lib@1.0.0", "");
        assertThat(undeprecate.out()).isEqualTo("undeprecated lib 1.0.0\n");

        CliRun unpublish = pkg("unpublish", "lib@1.0.0", "--json");
        assertThat(unpublish.status()).as(unpublish.err()).isZero();
        JsonNode removed = JSON.readTree(unpublish.out());
        assertThat(removed.path("name").asText()).isEqualTo("lib");
        assertThat(removed.path("wholePackage").asBoolean()).isFalse();
        assertThat(removed.path("versions").toString()).isEqualTo("[\"1.0.0\"]");
        assertThat(TestRegistry.json(registry.get("/lib")).path("versions").has("1.0.0")).isFalse();

        CliRun whole = pkg("unpublish", "lib", "--force", "--json");
        assertThat(whole.status()).as(whole.err()).isZero();
        assertThat(JSON.readTree(whole.out()).path("wholePackage").asBoolean()).isTrue();
        assertThat(registry.get("/lib").statusCode()).isEqualTo(404);
    }

    @Test
    void updateAsJsonListsTheChangesAndTheRewrittenRanges() throws Exception {
        publish("1.0.0");
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"0.1.0\", \"dependencies\": {\"lib\": \"^1.0.0\"}}");
        String store = temp.resolve("store").toString();
        CliRun install = CliRun.of("pkg", "install", "-C", app.toString(), "--registry", registry.url(),
                "--store-dir", store);
        assertThat(install.status()).as(install.err()).isZero();
        publish("2.0.0");

        CliRun dry = CliRun.of("pkg", "update", "--latest", "--dry-run", "--json", "-C", app.toString(),
                "--registry", registry.url(), "--store-dir", store);
        assertThat(dry.status()).as(dry.err()).isZero();
        JsonNode planned = JSON.readTree(dry.out());
        assertThat(planned.path("dryRun").asBoolean()).isTrue();
        assertThat(planned.path("changes").path(0).path("name").asText()).isEqualTo("lib");
        assertThat(planned.path("changes").path(0).path("from").asText()).isEqualTo("1.0.0");
        assertThat(planned.path("changes").path(0).path("to").asText()).isEqualTo("2.0.0");
        assertThat(planned.path("ranges").path("lib").asText()).isEqualTo("^2.0.0");
        assertThat(planned.path("notDowngraded").isObject()).isTrue();
        assertThat(app.resolve("hype.json")).content().contains("^1.0.0");

        CliRun update = CliRun.of("pkg", "update", "--latest", "--json", "-C", app.toString(), "--registry",
                registry.url(), "--store-dir", store);
        assertThat(update.status()).as(update.err()).isZero();
        assertThat(JSON.readTree(update.out()).path("dryRun").asBoolean()).isFalse();
        assertThat(app.resolve("hype.json")).content().contains("^2.0.0");
    }

    @Test
    void loginAndLogoutAsJsonNameTheUserAndTheConfigFile() throws Exception {
        CliRun login = CliRun.withInput("carol\nsecret\n", "pkg", "login", "--json", "--registry", registry.url());
        assertThat(login.status()).as(login.err()).isZero();
        JsonNode in = JSON.readTree(login.out());
        assertThat(in.path("user").asText()).isEqualTo("carol");
        assertThat(in.path("registry").asText()).startsWith(registry.url());
        assertThat(in.path("configFile").asText()).isEqualTo(home.resolve("config.json").toString());

        CliRun logout = CliRun.of("pkg", "logout", "--json", "--registry", registry.url());
        assertThat(logout.status()).as(logout.err()).isZero();
        JsonNode out = JSON.readTree(logout.out());
        assertThat(out.path("registry").asText()).startsWith(registry.url());
        assertThat(home.resolve("config.json")).content().doesNotContain("hype_");
    }

    @Test
    void loginWithoutAnAnswerIsAUsageErrorNamingWhatIsMissing() {
        CliRun noUser = CliRun.withInput("", "pkg", "login", "--registry", registry.url());
        assertThat(noUser.status()).isEqualTo(2);
        assertThat(noUser.err()).contains("error: no username given")
                .contains("hint: type it when asked, or pipe it in on its own line: see 'hype pkg login --help'");

        CliRun noPassword = CliRun.withInput("carol\n", "pkg", "login", "--registry", registry.url());
        assertThat(noPassword.err()).contains("error: no password given");
        CliRun noToken = CliRun.withInput("  \n", "pkg", "login", "--token", "--registry", registry.url());
        assertThat(noToken.err()).contains("error: no token given");
        assertThat(home.resolve("config.json")).doesNotExist();
    }
}
