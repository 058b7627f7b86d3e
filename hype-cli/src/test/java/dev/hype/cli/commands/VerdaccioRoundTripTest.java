package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.cli.CliRun;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfig;
import dev.hype.pm.registry.Tarball;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run the publish, info and fetch round trip against a real Verdaccio on a free loopback port, with no uplinks so
 * nothing leaves the machine. Skipped when {@code build-tools/node_modules/.bin/verdaccio} is absent (run
 * {@code scripts/install-test-tools.sh}).
 */
class VerdaccioRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private Process verdaccio;
    private String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void start() throws Exception {
        Path binary = findVerdaccio();
        assumeTrue(binary != null, "Verdaccio is not installed: run scripts/install-test-tools.sh"
                + " (npm install in build-tools/) to run this test");
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, temp.resolve("home").toString());
        int port = freePort();
        url = "http://127.0.0.1:" + port;
        Path config = temp.resolve("config.yaml");
        Files.writeString(config, """
                storage: %s
                auth:
                  htpasswd:
                    file: %s
                    max_users: 10
                uplinks: {}
                packages:
                  '@*/*':
                    access: $all
                    publish: $authenticated
                  '**':
                    access: $all
                    publish: $authenticated
                server:
                  keepAliveTimeout: 5
                log: { type: stdout, format: pretty, level: warn }
                """.formatted(temp.resolve("storage"), temp.resolve("htpasswd")));
        verdaccio = new ProcessBuilder(binary.toString(), "--config", config.toString(), "--listen", "127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(temp.resolve("verdaccio.log").toFile()).start();
        awaitReady();
    }

    @AfterEach
    void stop() throws InterruptedException {
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
        http.close();
        if (verdaccio != null) {
            verdaccio.descendants().forEach(ProcessHandle::destroy);
            verdaccio.destroy();
            if (!verdaccio.waitFor(10, TimeUnit.SECONDS)) {
                verdaccio.destroyForcibly();
            }
        }
    }

    @Test
    void publishInfoAndFetchAgainstVerdaccio() throws Exception {
        String token = addUser("tester", "a-long-test-password");
        Path project = Files.createDirectories(temp.resolve("greet"));
        Files.writeString(project.resolve("hype.json"), """
                {"name": "greet", "version": "1.0.0", "description": "Says hello", "license": "MIT",
                 "dependencies": {"dep": "^1.0.0"}}""");
        Files.writeString(project.resolve("index.lua"), "return { hello = 'hi' }\n");

        CliRun published = CliRun.of("pkg", "publish", "-C", project.toString(), "--registry", url, "--token", token);
        assertThat(published.status()).as(published.err() + log()).isZero();
        assertThat(published.out()).isEqualTo("+ greet@1.0.0\n");

        CliRun info = CliRun.of("pkg", "info", "greet", "--json", "--registry", url);
        assertThat(info.status()).as(info.err()).isZero();
        JsonNode doc = JSON.readTree(info.out());
        assertThat(doc.path("dist-tags").path("latest").asText()).isEqualTo("1.0.0");
        assertThat(doc.path("dependencies").path("dep").asText()).isEqualTo("^1.0.0");
        String integrity = doc.path("dist").path("integrity").asText();

        CliRun range = CliRun.of("pkg", "info", "greet@^1", "--registry", url);
        assertThat(range.out()).isEqualTo("1.0.0\n");

        CliRun again = CliRun.of("pkg", "publish", "-C", project.toString(), "--registry", url, "--token", token);
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("greet@1.0.0 is already published in " + url).contains("immutable");
        CliRun forced = CliRun.of("pkg", "publish", "-C", project.toString(), "--registry", url, "--token", token,
                "--force");
        assertThat(forced.status()).isEqualTo(1);
        assertThat(forced.err()).contains("HTTP 409").contains("immutable");

        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(URI.create(url)),
                ClientOptions.defaults(temp.resolve("cache")))) {
            Packument packument = client.packument("greet", Form.ABBREVIATED);
            Tarball tarball = client.download("greet", "1.0.0", packument.dist("1.0.0").orElseThrow());
            assertThat(tarball.integrity().sri()).isEqualTo(integrity);
            assertThat(tarball.listing().manifest("hype.json")).isPresent();
        }
    }

    private String addUser(String name, String password) throws Exception {
        String body = JSON.createObjectNode().put("_id", "org.couchdb.user:" + name).put("name", name)
                .put("password", password).put("type", "user").put("date", Instant.now().toString()).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/-/user/org.couchdb.user:" + name))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** Poll the ping endpoint until Verdaccio answers, waiting on the process between polls so a crash ends the wait. */
    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        HttpRequest ping = HttpRequest.newBuilder(URI.create(url + "/-/ping")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (verdaccio.waitFor(250, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Verdaccio exited with " + verdaccio.exitValue() + ":\n" + log());
            }
        }
        throw new IllegalStateException("Verdaccio did not answer on " + url + " within " + STARTUP + ":\n" + log());
    }

    private String log() {
        try {
            return Files.readString(temp.resolve("verdaccio.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path findVerdaccio() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path binary = dir.resolve("build-tools/node_modules/.bin/verdaccio");
            if (Files.isExecutable(binary)) {
                return binary;
            }
            if (Files.isDirectory(dir.resolve("build-tools"))) {
                return null;
            }
        }
        return null;
    }
}
