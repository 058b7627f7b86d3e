package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.registry.server.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run the commands that decide who may publish: package owners, scope members, tokens; and info's escaping. */
class RegistryTrustCommandsTest {
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

    private Path project(String name, String extra) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src-" + name.replace('/', '_')));
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"" + name + "\", \"version\": \"1.0.0\"" + extra + "}");
        Files.writeString(dir.resolve("index.lua"), "return {}\n");
        return dir;
    }

    private CliRun hype(String... args) {
        return CliRun.of(args);
    }

    @Test
    void ownersAreListedAddedAndRemovedAsNpmOwnerDoes() throws IOException {
        String url = registry.url();
        String token = registry.token();
        assertThat(hype("pkg", "publish", "-C", project("lib", "").toString(), "--registry", url, "--token", token)
            .status()).isZero();
        assertThat(hype("pkg", "owner", "ls", "lib", "--registry", url).out()).isEqualTo(TestRegistry.USER + "\n");

        CliRun unknown = hype("pkg", "owner", "add", "bob", "lib", "--registry", url, "--token", token);
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("user 'bob' is not known to " + url);

        String bob = registry.tokenFor("bob");
        CliRun add = hype("pkg", "owner", "add", "bob", "lib", "--registry", url, "--token", token);
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("+ bob (lib)\n");
        assertThat(hype("pkg", "owner", "ls", "lib", "--registry", url).out()).isEqualTo(TestRegistry.USER + "\nbob\n");

        CliRun mallory = hype("pkg", "owner", "add", "mallory", "lib", "--registry", url,
            "--token", registry.tokenFor("mallory"));
        assertThat(mallory.status()).isEqualTo(1);
        assertThat(mallory.err()).contains("not authorised");

        assertThat(hype("pkg", "owner", "rm", TestRegistry.USER, "lib", "--registry", url, "--token", bob).out())
            .isEqualTo("- " + TestRegistry.USER + " (lib)\n");
        CliRun last = hype("pkg", "owner", "rm", "bob", "lib", "--registry", url, "--token", bob);
        assertThat(last.status()).isEqualTo(1);
        assertThat(last.err()).contains("bob is the only owner of lib");
        CliRun bad = hype("pkg", "owner", "ls", "../lib", "--registry", url);
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("argument '../lib': invalid package name");
    }

    @Test
    void tokensAreListedWithoutTheirValueAndRevokedById() {
        Path storage = registry.storage();
        String token = registry.tokenFor("carol");
        CliRun list = hype("registry", "token", "list", "--storage", storage.toString());
        assertThat(list.status()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("ID ").contains("carol").contains(TestRegistry.USER).doesNotContain(token);
        String id = list.out().lines().filter(l -> l.contains("carol")).findFirst().orElseThrow().substring(0, 12);

        assertThat(registry.send("GET", "/-/whoami", null, token).statusCode()).isEqualTo(200);
        CliRun revoke = hype("registry", "token", "revoke", id.substring(0, 8), "--storage", storage.toString());
        assertThat(revoke.status()).as(revoke.err()).isZero();
        assertThat(revoke.out()).isEqualTo("revoked token " + id + " of carol\n");
        assertThat(registry.send("GET", "/-/whoami", null, token).statusCode()).isEqualTo(401);
        CliRun again = hype("registry", "token", "revoke", id, "--storage", storage.toString());
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("no token in").contains("matches '" + id + "'");
    }

    @Test
    void scopeMembersAreManagedOnTheHost() throws IOException {
        String storage = registry.storage().toString();
        String alice = registry.tokenFor("alice");
        assertThat(hype("pkg", "publish", "-C", project("@acme/core", "").toString(), "--registry", registry.url(),
            "--token", alice).status()).isZero();
        assertThat(hype("registry", "scope", "ls", "@acme", "--storage", storage).out()).isEqualTo("alice owner\n");

        String bob = registry.tokenFor("bob");
        CliRun refused = hype("pkg", "publish", "-C", project("@acme/bobs", "").toString(), "--registry",
            registry.url(), "--token", bob);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("HTTP 403");

        assertThat(hype("registry", "scope", "add", "@acme", "bob", "--storage", storage).out())
            .isEqualTo("bob is developer of @acme\n");
        CliRun allowed = hype("pkg", "publish", "-C", project("@acme/bobs", "").toString(), "--registry",
            registry.url(), "--token", bob);
        assertThat(allowed.status()).as(allowed.err()).isZero();
        CliRun lastOwner = hype("registry", "scope", "rm", "@acme", "alice", "--storage", storage);
        assertThat(lastOwner.status()).isEqualTo(1);
        assertThat(lastOwner.err()).contains("alice is the last owner of @acme");
    }

    @Test
    void infoShowsAPublishersTextEscaped() throws IOException {
        Path dir = project("sneaky", ", \"description\": \"fine\\u001b[2K\\u001b[1Ahidden\","
            + " \"permissions\": {\"filesystem\": {\"read\": [\"data/**\\u001b[8m\", \"$HOME/**\"]}}");
        assertThat(hype("pkg", "publish", "-C", dir.toString(), "--registry", registry.url(), "--token",
            registry.token()).status()).isZero();
        CliRun info = hype("pkg", "info", "sneaky", "--registry", registry.url());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).doesNotContain("\u001b").contains("fine\\e[2K\\e[1Ahidden")
            .contains("read files: data/**\\e[8m, $HOME/**");

        // The approval, refused and granted, shows the entries the same way.
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"1.0.0\"}");
        CliRun refused = hype("pkg", "install", "-C", app.toString(), "sneaky", "--registry", registry.url());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).doesNotContain("\u001b").contains("read files: data/**\\e[8m, $HOME/**");
        CliRun approved = hype("pkg", "install", "-C", app.toString(), "sneaky", "--registry", registry.url(),
            "--allow-permissions");
        assertThat(approved.status()).as(approved.err()).isZero();
        assertThat(approved.err()).doesNotContain("\u001b").contains("read files: data/**\\e[8m, $HOME/**");
    }
}
