package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code hype registry serve} under faults (issue 15): killed between the writes of a publish, out of disk space,
 * and held by clients that never finish their headers or their body.
 */
class RegistryFaultsTest {
    private static final String LISTENING = "hype registry listening on ";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void writePackage() {
        hype = Hype.in(temp);
        writePackage("return 1\n");
    }

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
        "registry.tarball.prepared, false",
        "registry.tarball.written, false",
        "registry.packument.prepared, false",
        "registry.packument.written, true",
    })
    void aPublishKilledBetweenItsWritesIsAllOrNothing(String point, boolean published) throws Exception {
        Path storage = temp.resolve("storage");
        String token = hype.run("registry", "token", "create", "alice", "--storage", storage.toString())
                .assertSuccess().stdout().strip();
        PausePoint pause = PausePoint.at(hype, temp.resolve("fifo"), point);
        RunningHype server = serve(storage);
        PausePoint.clear(hype);
        String url = listeningUrl(server);
        try (RunningHype publish = hype.start("pkg", "publish", "--registry", url, "--token", token)) {
            pause.await(server);
            PausePoint.kill(server);
            assertThat(publish.await().exitCode()).isEqualTo(1);
        }

        RunningHype again = serve(storage);
        try {
            String restarted = listeningUrl(again);
            assertThat(temporaryFiles(storage)).isEmpty();
            assertThat(get(restarted + "greeting/-/greeting-1.0.0.tgz").statusCode()).isEqualTo(published ? 200 : 404);
            HttpResponse<String> packument = get(restarted + "greeting");
            assertThat(packument.statusCode() == 200 && packument.body().contains("\"1.0.0\"")).isEqualTo(published);

            writePackage("return 2\n");
            Result republish = hype.run("pkg", "publish", "--registry", restarted, "--token", token);
            assertThat(republish.exitCode()).as(republish.describe()).isEqualTo(published ? 1 : 0);
            if (!published) {
                assertThat(get(restarted + "greeting/-/greeting-1.0.0.tgz").statusCode()).isEqualTo(200);
            }
        } finally {
            PausePoint.kill(again);
        }
    }

    @Test
    void aFullDiskFailsThePublishWithoutShowingTheStorageAndLeavesNothing() throws Exception {
        assumeTrue(canMountTmpfs(), "needs 'unshare -rm' to mount a small tmpfs (user namespaces are not available)");
        Path storage = Files.createDirectories(temp.resolve("small-disk"));
        Path tokenFile = temp.resolve("token");
        ProcessBuilder builder = new ProcessBuilder("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=2m tmpfs \"$0\" && \"$1\" registry token create alice --storage \"$0\" >\"$2\" "
                        + "&& exec \"$1\" registry serve --port 0 --quiet --storage \"$0\"",
                storage.toString(), Hype.launcher().toString(), tokenFile.toString())
                .directory(hype.directory().toFile());
        builder.environment().put("HOME", hype.home().toString());
        builder.environment().put("HYPE_HOME", hype.hypeHome().toString());
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process server = builder.start();
        try {
            String url = awaitListening(server);
            String token = Files.readString(tokenFile).strip();
            byte[] noise = new byte[3 << 20];
            new Random(15).nextBytes(noise);
            hype.write("blob.txt", java.util.Base64.getEncoder().encodeToString(noise));

            Result full = hype.run("pkg", "publish", "--registry", url, "--token", token);

            assertThat(full.exitCode()).as(full.describe()).isEqualTo(1);
            assertThat(full.stderr()).contains("HTTP 500", "No space left on device")
                    .doesNotContain(storage.toString());
            assertThat(get(url + "greeting/-/greeting-1.0.0.tgz").statusCode()).isEqualTo(404);
            Files.delete(hype.directory().resolve("blob.txt"));
            hype.run("pkg", "publish", "--registry", url, "--token", token).assertSuccess();
            assertThat(get(url + "greeting/-/greeting-1.0.0.tgz").statusCode()).isEqualTo(200);
        } finally {
            server.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFortyMegabytePublishGoesThrough() throws Exception {
        byte[] noise = new byte[29 << 20];
        new Random(40).nextBytes(noise);
        hype.write("blob.txt", java.util.Base64.getEncoder().encodeToString(noise));
        Path storage = temp.resolve("storage");
        String token = hype.run("registry", "token", "create", "alice", "--storage", storage.toString())
                .assertSuccess().stdout().strip();
        RunningHype server = serve(storage);
        try {
            String url = listeningUrl(server);

            hype.run("pkg", "publish", "--registry", url, "--token", token).assertSuccess();

            HttpResponse<byte[]> tarball = HTTP.send(HttpRequest.newBuilder(
                    URI.create(url + "greeting/-/greeting-1.0.0.tgz")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(tarball.statusCode()).isEqualTo(200);
            assertThat(tarball.body().length).as("the tarball holds ~39 MB of base64 text, gzip'd")
                    .isGreaterThan(28 << 20);
        } finally {
            PausePoint.kill(server);
        }
    }

    @Test
    void connectionsThatNeverFinishTheirHeadersOrBodyAreClosed() throws Exception {
        RunningHype server = hype.start("registry", "serve", "--port", "0", "--quiet", "--request-timeout", "2",
                "--storage", temp.resolve("storage").toString());
        try {
            URI url = URI.create(listeningUrl(server));
            String slowHeaders = "GET /greeting HTTP/1.1\r\nHost: " + url.getAuthority() + "\r\nAccept: appl";
            String stalledBody = "PUT /greeting HTTP/1.1\r\nHost: " + url.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"name\": \"gree";
            for (String partial : List.of(slowHeaders, stalledBody)) {
                try (Socket socket = new Socket(url.getHost(), url.getPort())) {
                    socket.setSoTimeout((int) Hype.RUN_LIMIT_SECONDS * 1000);
                    OutputStream out = socket.getOutputStream();
                    out.write(partial.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    assertThat(readUntilClosed(socket.getInputStream())).as("the server closed the connection").isTrue();
                }
            }
            assertThat(get(url + "greeting").statusCode()).isEqualTo(404);
        } finally {
            PausePoint.kill(server);
        }
    }

    private RunningHype serve(Path storage) {
        return hype.start("registry", "serve", "--port", "0", "--quiet", "--storage", storage.toString());
    }

    private static String listeningUrl(RunningHype server) {
        String line = server.awaitStderr(l -> l.startsWith(LISTENING));
        String address = line.substring(LISTENING.length());
        return address.substring(0, address.indexOf(' '));
    }

    private static String awaitListening(Process server) throws IOException {
        var err = new java.io.BufferedReader(new java.io.InputStreamReader(server.getErrorStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith(LISTENING)) {
                Thread.startVirtualThread(() -> {
                    try {
                        err.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the server ended
                    }
                });
                String address = line.substring(LISTENING.length());
                return address.substring(0, address.indexOf(' '));
            }
        }
        throw new AssertionError("the registry ended before listening:\n" + seen);
    }

    /** Read until the server closes the connection; return true when it did (false never: a read timeout throws). */
    private static boolean readUntilClosed(InputStream in) throws IOException {
        try {
            while (in.read() >= 0) {
                // an error answer may come first; the connection must end after it
            }
        } catch (java.net.SocketException e) {
            // reset by the server
        }
        return true;
    }

    private void writePackage(String index) {
        hype.write("hype.json", "{\"name\": \"greeting\", \"version\": \"1.0.0\", \"license\": \"MIT\", "
                + "\"main\": \"index.lua\"}\n");
        hype.write("index.lua", index);
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Path> temporaryFiles(Path storage) {
        try (Stream<Path> walk = Files.walk(storage)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canMountTmpfs() {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /tmp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
