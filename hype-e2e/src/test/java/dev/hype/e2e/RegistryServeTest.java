package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hype registry serve} and {@code hype registry token create} (docs/registry.md). */
class RegistryServeTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void createRunner() {
        hype = Hype.in(temp);
        hype.write("hype.json", "{\"name\": \"secret\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");
    }

    @Test
    void tokensAndPackagesLiveUnderHypeHomeByDefault() {
        String token = hype.run("registry", "token", "create", "alice").assertSuccess().stdout().strip();

        assertThat(token).startsWith("hype_");
        Path tokens = hype.hypeHome().resolve("registry/.hype/tokens.json");
        assertThat(tokens).content().contains("alice").doesNotContain(token);

        try (RunningHype serve = hype.start("registry", "serve", "--port", "0", "--quiet")) {
            String line = serve.awaitStderr(l -> l.startsWith("hype registry listening on "));
            assertThat(line).contains("(storage " + hype.hypeHome().resolve("registry") + ")");
            String url = line.substring("hype registry listening on ".length(), line.indexOf(' ', "hype registry listening on ".length()));
            hype.run("pkg", "publish", "--registry", url, "--token", token).assertSuccess();
            assertThat(hype.hypeHome().resolve("registry/secret/secret-1.0.0.tgz")).exists();
        }
    }

    @Test
    void aPrivateRegistryNeedsATokenToRead() throws IOException {
        Path storage = temp.resolve("storage");
        String token = hype.run("registry", "token", "create", "alice", "--storage", storage.toString()).assertSuccess()
                .stdout().strip();
        try (RunningHype serve = hype.start("registry", "serve", "--port", "0", "--storage", storage.toString(), "--private")) {
            String line = serve.awaitStderr(l -> l.startsWith("hype registry listening on "));
            assertThat(line).contains("private");
            String url = line.substring("hype registry listening on ".length(), line.indexOf(' ', "hype registry listening on ".length()));
            hype.run("pkg", "publish", "--registry", url, "--token", token).assertSuccess();

            Result anonymous = hype.run("pkg", "info", "secret", "--registry", url).assertExit(1);
            assertThat(anonymous.stderr()).contains("401");
            URI uri = URI.create(url);
            Files.writeString(hype.hypeHome().resolve("config.json"), "{\"registry\": \"" + url + "\", \"tokens\": {\""
                    + uri.getHost() + ":" + uri.getPort() + "\": \"" + token + "\"}}\n");
            assertThat(hype.run("pkg", "info", "secret").assertSuccess().stdout()).contains("secret@1.0.0");
            Result stopped = serve.stop();
            assertThat(stopped.stdout()).contains("\"method\":\"GET\"");
        }
    }

    @Test
    void aReadOnlyTokenInstallsFromAPrivateRegistryButCannotPublish() {
        Path storage = temp.resolve("storage");
        String writer = hype.run("registry", "token", "create", "alice", "--storage", storage.toString()).assertSuccess()
                .stdout().strip();
        String reader = hype.run("registry", "token", "create", "ci", "--read-only", "--cidr", "127.0.0.0/8,::1",
                "--storage", storage.toString()).assertSuccess().stdout().strip();
        String list = hype.run("registry", "token", "list", "--storage", storage.toString()).assertSuccess().stdout();
        assertThat(list).containsPattern("ci +\\S+ +read-only, from 127.0.0.0/8,::1");
        Result invalid = hype.run("registry", "token", "create", "ci", "--cidr", "10.0.0.0/40", "--storage",
                storage.toString()).assertExit(1);
        assertThat(invalid.stderr()).contains("'10.0.0.0/40' is not a CIDR range");

        try (RunningHype serve = hype.start("registry", "serve", "--port", "0", "--storage", storage.toString(), "--private")) {
            String line = serve.awaitStderr(l -> l.startsWith("hype registry listening on "));
            String url = line.substring("hype registry listening on ".length(), line.indexOf(' ', "hype registry listening on ".length()));
            hype.run("pkg", "publish", "--registry", url, "--token", writer).assertSuccess();

            hype.env("HYPE_TOKEN", reader);
            assertThat(hype.run("pkg", "info", "secret", "--registry", url).assertSuccess().stdout())
                    .contains("secret@1.0.0");
            hype.write("hype.json", "{\"name\": \"secret\", \"version\": \"1.0.1\"}\n");
            Result refused = hype.run("pkg", "publish", "--registry", url, "--token", reader).assertExit(1);
            assertThat(refused.stderr()).contains("403").contains("this token is read-only");
        }
    }
}
