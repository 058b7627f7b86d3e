package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.registry.server.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** login, whoami, token and logout speak npm's protocol to the registry and keep the token in config.json. */
class AccountCommandsTest {
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

    private CliRun pkg(String input, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "pkg";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--registry";
        all[args.length + 2] = registry.url();
        return CliRun.withInput(input, all);
    }

    @Test
    void loginSignsUpKeepsTheTokenAndLogoutRevokesIt() throws Exception {
        CliRun login = pkg("alice\nsecret\n", "login");
        assertThat(login.status()).as(login.err()).isZero();
        assertThat(login.out()).startsWith("logged in as alice on " + registry.url());
        String port = String.valueOf(registry.baseUri().getPort());
        assertThat(home.resolve("config.json")).content().contains("\"127.0.0.1:" + port + "\" : \"hype_");

        CliRun whoami = pkg("", "whoami");
        assertThat(whoami.out()).isEqualTo("alice\n");
        assertThat(pkg("", "whoami", "--json").out()).isEqualTo("\"alice\"\n");

        CliRun wrong = pkg("alice\nnot-it\n", "login");
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("HTTP 401").contains("wrong password").doesNotContain("bug in hype");

        CliRun logout = pkg("", "logout");
        assertThat(logout.status()).as(logout.err()).isZero();
        assertThat(logout.out()).contains("logged out of " + registry.url());
        assertThat(home.resolve("config.json")).content().doesNotContain("hype_");
        CliRun after = pkg("", "whoami");
        assertThat(after.status()).isEqualTo(1);
        assertThat(after.err()).contains("HTTP 401").contains("hype pkg login");
        assertThat(pkg("", "logout").err()).contains("not logged in to " + registry.url());
    }

    @Test
    void loginWithATokenChecksItFirst() {
        CliRun bad = pkg("hype_not-a-token\n", "login", "--token");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("HTTP 401");
        assertThat(home.resolve("config.json")).doesNotExist();

        CliRun good = pkg(registry.token() + "\n", "login", "--token");
        assertThat(good.status()).as(good.err()).isZero();
        assertThat(good.out()).startsWith("logged in as " + TestRegistry.USER);
        assertThat(pkg("", "whoami").out()).isEqualTo(TestRegistry.USER + "\n");
    }

    @Test
    void tokensAreListedCreatedWithThePasswordAndRevokedByKey() {
        assertThat(pkg("bob\npw\n", "login").status()).isZero();
        CliRun created = pkg("pw\n", "token", "create");
        assertThat(created.status()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).startsWith("hype_");
        assertThat(pkg("wrong\n", "token", "create").err()).contains("wrong password");

        CliRun list = pkg("", "token", "list", "--json");
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).contains("\"key\"").doesNotContain(token);
        String text = pkg("", "token", "list").out();
        assertThat(text.lines()).hasSize(2);
        String key = text.lines().toList().getLast().substring(0, 12);

        CliRun revoke = pkg("", "token", "revoke", key);
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(pkg("", "token", "list").out().lines()).hasSize(1);
        assertThat(pkg("", "token", "revoke", "ffffffffffff").err()).contains("HTTP 404");
    }

    @Test
    void aUserWithoutAPasswordCannotMintTokensOverTheWire() {
        assertThat(pkg(registry.token() + "\n", "login", "--token").status()).isZero();
        CliRun created = pkg("anything\n", "token", "create");
        assertThat(created.status()).isEqualTo(1);
        assertThat(created.err()).contains("has no password").contains("hype registry token create");
    }
}
