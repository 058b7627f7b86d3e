package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import dev.hype.pm.registry.StubServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpRegistryClientTest {
    private static final String PACKUMENT = """
        {"name":"a","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"a","version":"1.0.0",
        "dependencies":{"b":"^2"}}}}""";

    @TempDir
    Path temp;

    private final StubServer stub = startStub();

    @AfterEach
    void stop() {
        stub.close();
    }

    private static StubServer startStub() {
        try {
            return StubServer.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RegistryClient client(RegistryConfig config) {
        return RegistryClient.create(config, new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofMillis(1)));
    }

    private RegistryClient client() {
        return client(RegistryConfig.defaults().withRegistry(stub.url()));
    }

    private PackResult pack(String name, String version) throws IOException {
        Path project = Files.createDirectories(temp.resolve("project-" + name.replace("/", "_") + version));
        Files.writeString(project.resolve("hype.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
            + "\",\"description\":\"demo\"}");
        Files.writeString(project.resolve("index.lua"), "return {}\n");
        return Packer.create(SourceChecker.acceptAll()).pack(project);
    }

    @Test
    void retriesA503ThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        stub.on("/a", request -> calls.incrementAndGet() == 1 ? Answer.json(503, "{}") : Answer.json(200, PACKUMENT));
        try (RegistryClient client = client()) {
            Packument packument = client.packument("a", Form.FULL);
            assertThat(packument.versions()).extracting(Object::toString).containsExactly("1.0.0");
        }
        assertThat(calls).hasValue(2);
    }

    @Test
    void givesUpAfterThreeAttemptsOnPersistent5xx() {
        stub.on("/a", request -> Answer.json(502, "{\"error\":\"bad gateway\"}"));
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.packument("a", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_BAD_RESPONSE);
                    assertThat(e.status()).isEqualTo(502);
                });
        }
        assertThat(stub.seen()).hasSize(3);
    }

    @Test
    void neverRetriesA404AndNamesRegistryPackageAndStatus() {
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.packument("missing", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND);
                    assertThat(e.getMessage()).contains("missing", stub.url().toString(), "HTTP 404");
                    assertThat(e.hints()).anySatisfy(h -> assertThat(h).contains("check the package name"));
                });
        }
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void unauthorisedAndConflictCarryTheirCodesAndHints() throws IOException {
        stub.on("/a", request -> Answer.json(401, "{\"error\":\"token required\"}"));
        stub.on("/b", request -> Answer.json(409, "{\"error\":\"exists\"}"));
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.packument("a", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_UNAUTHORIZED);
                    assertThat(e.hints()).anySatisfy(h -> assertThat(h).contains("hype registry token create"));
                });
            PackResult packed = pack("b", "1.0.0");
            assertThatThrownBy(() -> client.publish(packed, NpmProtocol.JSON.createObjectNode(), "latest"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_PUBLISH_CONFLICT);
                    assertThat(e.hints()).anySatisfy(h -> assertThat(h).contains("immutable"));
                });
        }
        assertThat(stub.seen()).hasSize(2);
    }

    @Test
    void revalidatesTheCachedPackumentAndReusesItOn304() {
        AtomicInteger calls = new AtomicInteger();
        stub.on("/a", request -> {
            if (calls.incrementAndGet() == 1) {
                return new Answer(200, Map.of("Content-Type", "application/json", "ETag", "\"v1\"",
                    "Last-Modified", "Sun, 22 Nov 2026 10:00:00 GMT"), PACKUMENT.getBytes());
            }
            return "\"v1\"".equals(request.headers().getFirst("If-None-Match"))
                ? new Answer(304, Map.of("ETag", "\"v1\""), new byte[0]) : Answer.json(500, "{}");
        });
        try (RegistryClient client = client()) {
            client.packument("a", Form.ABBREVIATED);
            Packument second = client.packument("a", Form.ABBREVIATED);
            assertThat(second.latest()).hasValue("1.0.0");
        }
        assertThat(stub.seen()).hasSize(2);
        assertThat(stub.seen().get(1).headers().getFirst("If-Modified-Since")).isEqualTo("Sun, 22 Nov 2026 10:00:00 GMT");
        assertThat(stub.seen().getFirst().headers().getFirst("Accept"))
            .isEqualTo("application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*");
    }

    private RegistryClient freshClient(boolean freshCache) {
        return RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), new ClientOptions(
            temp.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(1))
            .withFreshCache(freshCache));
    }

    private static Answer packumentFor(String cacheControl) {
        return new Answer(200, Map.of("Content-Type", "application/json", "ETag", "\"v1\"", "Cache-Control",
            cacheControl), PACKUMENT.getBytes());
    }

    @Test
    void aFreshCachedPackumentIsUsedWithoutAskingWhenTheClientAllowsIt() {
        stub.on("/a", request -> request.headers().getFirst("If-None-Match") != null
            ? new Answer(304, Map.of("ETag", "\"v1\"", "Cache-Control", "public, max-age=300"), new byte[0])
            : packumentFor("public, max-age=300"));
        try (RegistryClient client = freshClient(true)) {
            client.packument("a", Form.FULL);
        }
        try (RegistryClient client = freshClient(true)) {
            assertThat(client.packument("a", Form.FULL).latest()).hasValue("1.0.0");
        }
        assertThat(stub.seen()).hasSize(1);
        // A client that does not use fresh copies (installs, npm's --prefer-online) revalidates it.
        try (RegistryClient client = freshClient(false)) {
            assertThat(client.packument("a", Form.FULL).latest()).hasValue("1.0.0");
        }
        assertThat(stub.seen()).hasSize(2);
        assertThat(stub.seen().get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void a304RenewsTheFreshnessOfAStaleCopy() throws IOException {
        stub.on("/a", request -> request.headers().getFirst("If-None-Match") != null
            ? new Answer(304, Map.of("ETag", "\"v1\"", "Cache-Control", "max-age=300"), new byte[0])
            : packumentFor("max-age=300"));
        try (RegistryClient client = freshClient(true)) {
            client.packument("a", Form.FULL);
        }
        // Make the stored copy stale, as time would: its metadata says it was stored long ago.
        Path entry;
        try (Stream<Path> files = Files.walk(temp.resolve("cache"))) {
            entry = files.filter(f -> f.toString().endsWith(".full.json")).findFirst().orElseThrow();
        }
        String content = Files.readString(entry);
        Files.writeString(entry, content.replaceFirst("\"storedAt\":\\d+", "\"storedAt\":1"));
        try (RegistryClient client = freshClient(true)) {
            client.packument("a", Form.FULL);
            client.packument("a", Form.FULL);
        }
        assertThat(stub.seen()).hasSize(2);
        assertThat(stub.seen().get(1).headers().getFirst("If-None-Match")).isEqualTo("\"v1\"");
    }

    @Test
    void noMaxAgeNoCacheOrAnAgeBeyondItLeaveTheCopyStale() {
        for (String cacheControl : List.of("public", "no-cache, max-age=300", "max-age=0", "max-age=x")) {
            stub.on("/a", request -> packumentFor(cacheControl));
            int before = stub.seen().size();
            try (RegistryClient client = freshClient(true)) {
                client.packument("a", Form.FULL);
                client.packument("a", Form.FULL);
            }
            assertThat(stub.seen()).as(cacheControl).hasSize(before + 2);
        }
        stub.on("/a", request -> new Answer(200, Map.of("Content-Type", "application/json", "Cache-Control",
            "max-age=300", "Age", "300"), PACKUMENT.getBytes()));
        int before = stub.seen().size();
        try (RegistryClient client = freshClient(true)) {
            client.packument("a", Form.FULL);
            client.packument("a", Form.FULL);
        }
        assertThat(stub.seen()).hasSize(before + 2);
    }

    @Test
    void aPublishByThisClientForgetsItsFreshCopy() throws IOException {
        PackResult packed = pack("a", "1.1.0");
        stub.on("/a", request -> "PUT".equals(request.method()) ? Answer.json(201, "{\"ok\":true}")
            : packumentFor("public, max-age=300"));
        try (RegistryClient client = freshClient(true)) {
            client.packument("a", Form.FULL);
            client.publish(packed, NpmProtocol.JSON.readTree("{\"name\":\"a\",\"version\":\"1.1.0\"}"), "latest");
            client.packument("a", Form.FULL);
        }
        assertThat(stub.seen()).extracting(StubServer.Seen::method).containsExactly("GET", "PUT", "GET");
    }

    @Test
    void sendsTheTokenOnlyToTheHostItWasConfiguredFor() throws IOException {
        PackResult packed = pack("a", "1.0.0");
        try (StubServer tarballHost = StubServer.start()) {
            URI tarballUrl = URI.create("http://localhost:" + tarballHost.port() + "/files/a-1.0.0.tgz");
            tarballHost.on("/files/a-1.0.0.tgz", request -> Answer.bytes(packed.tarball()));
            stub.on("/a", request -> Answer.json(200, PACKUMENT));
            RegistryConfig config = new RegistryConfig(stub.url(), Map.of(),
                Map.of("127.0.0.1:" + stub.port(), "secret"));
            try (RegistryClient client = client(config)) {
                client.packument("a", Form.FULL);
                Tarball tarball = client.download("a", "1.0.0",
                    new Dist(tarballUrl.toString(), packed.integrity().sri(), null));
                assertThat(tarball.integrity()).isEqualTo(packed.integrity());
            }
            assertThat(stub.seen().getFirst().headers().getFirst("Authorization")).isEqualTo("Bearer secret");
            assertThat(tarballHost.seen()).hasSize(1);
            assertThat(tarballHost.seen().getFirst().headers().containsKey("Authorization")).isFalse();
        }
    }

    @Test
    void anIntegrityMismatchNamesBothDigestsAndKeepsNothing() throws IOException {
        PackResult packed = pack("a", "1.0.0");
        PackResult other = pack("a", "1.0.1");
        stub.on("/a/-/a-1.0.0.tgz", request -> Answer.bytes(other.tarball()));
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.downloadAll(List.of(new RegistryClient.TarballRequest("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", packed.integrity().sri(), packed.shasum().hex())))))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_INTEGRITY);
                    assertThat(e.getMessage()).contains("a@1.0.0", packed.integrity().sri(), other.integrity().sri());
                });
        }
        try (Stream<Path> files = Files.walk(temp.resolve("cache")).filter(Files::isRegularFile)) {
            assertThat(files.toList()).isEmpty();
        } catch (java.nio.file.NoSuchFileException e) {
            assertThat(Files.exists(temp.resolve("cache"))).isFalse();
        }
    }

    @Test
    void fallsBackToTheShasumWhenThereIsNoIntegrity() throws IOException {
        PackResult packed = pack("a", "1.0.0");
        byte[] truncated = Arrays.copyOf(packed.tarball(), packed.tarball().length / 2);
        stub.on("/a/-/a-1.0.0.tgz", request -> Answer.bytes(truncated));
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.download("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", null, packed.shasum().hex())))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.getMessage()).contains("sha1 " + packed.shasum().hex()));
        }
    }

    @Test
    void aTruncatedTarballWithMatchingDigestIsStillRejected() throws IOException {
        PackResult packed = pack("a", "1.0.0");
        byte[] truncated = Arrays.copyOf(packed.tarball(), packed.tarball().length - 20);
        stub.on("/a/-/a-1.0.0.tgz", request -> Answer.bytes(truncated));
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.download("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", dev.hype.pm.pack.Integrity.sha512(truncated).sri(), null)))
                .isInstanceOfSatisfying(PackException.class,
                    e -> assertThat(e.code()).isEqualTo(PackException.E_TARBALL_CORRUPT));
        }
    }

    @Test
    void anHtmlAnswerIsNotARegistry() {
        stub.on("/a", request -> new Answer(200, Map.of("Content-Type", "text/html"),
            "<!DOCTYPE html><html><body>Welcome</body></html>".getBytes()));
        stub.on("/b", request -> new Answer(404, Map.of("Content-Type", "text/html"), "<html>nope</html>".getBytes()));
        try (RegistryClient client = client()) {
            for (String name : List.of("a", "b")) {
                assertThatThrownBy(() -> client.packument(name, Form.FULL))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_NOT_A_REGISTRY);
                        assertThat(e.hints()).anySatisfy(h -> assertThat(h).contains("does not look like an npm registry"));
                    });
            }
        }
    }

    @Test
    void anUnreachableRegistryIsReportedAfterRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RegistryClient client = client(RegistryConfig.defaults().withRegistry(URI.create("http://127.0.0.1:" + port)))) {
            assertThatThrownBy(() -> client.packument("a", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_UNREACHABLE);
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port, "3 attempts", "connection refused");
                });
        }
    }

    @Test
    void publishSendsNpmsDocumentWithTheScopedNameEscaped() throws IOException {
        PackResult packed = pack("@acme/widget", "1.2.3");
        stub.on("/@acme%2fwidget", request -> Answer.json(201, "{\"ok\":true}"));
        try (RegistryClient client = client(RegistryConfig.defaults().withRegistry(stub.url()).withToken("t"))) {
            JsonNode manifest = NpmProtocol.JSON.readTree("{\"name\":\"@acme/widget\",\"version\":\"1.2.3\",\"description\":\"demo\"}");
            client.publish(packed, manifest, "beta");
        }
        StubServer.Seen put = stub.seen().getFirst();
        assertThat(put.method()).isEqualTo("PUT");
        assertThat(put.headers().getFirst("Authorization")).isEqualTo("Bearer t");
        JsonNode body = NpmProtocol.JSON.readTree(put.body());
        assertThat(body.path("_id").asText()).isEqualTo("@acme/widget");
        assertThat(body.path("description").asText()).isEqualTo("demo");
        assertThat(body.path("dist-tags").path("beta").asText()).isEqualTo("1.2.3");
        JsonNode dist = body.path("versions").path("1.2.3").path("dist");
        assertThat(dist.path("integrity").asText()).isEqualTo(packed.integrity().sri());
        assertThat(dist.path("shasum").asText()).isEqualTo(packed.shasum().hex());
        assertThat(dist.path("tarball").asText()).isEqualTo(stub.url() + "/@acme/widget/-/widget-1.2.3.tgz");
        JsonNode attachment = body.path("_attachments").path("@acme/widget-1.2.3.tgz");
        assertThat(attachment.path("length").asInt()).isEqualTo(packed.tarball().length);
        assertThat(java.util.Base64.getDecoder().decode(attachment.path("data").asText())).isEqualTo(packed.tarball());
    }

    @Test
    void publishObjectFormDependenciesInTheFormNpmClientsRead() throws IOException {
        PackResult packed = pack("web", "1.0.0");
        stub.on("/web", request -> Answer.json(201, "{\"ok\":true}"));
        try (RegistryClient client = client(RegistryConfig.defaults().withRegistry(stub.url()).withToken("t"))) {
            JsonNode manifest = NpmProtocol.JSON.readTree("{\"name\":\"web\",\"version\":\"1.0.0\",\"dependencies\":"
                + "{\"log\":{\"version\":\"^1.0.0\",\"features\":[\"json\"]},\"fmt\":\"^2.0.0\"}}");
            client.publish(packed, manifest, "latest");
        }
        JsonNode version = NpmProtocol.JSON.readTree(stub.seen().getFirst().body()).path("versions").path("1.0.0");
        assertThat(version.path("dependencies").toString()).isEqualTo("{\"log\":\"^1.0.0\",\"fmt\":\"^2.0.0\"}");
        assertThat(version.path("hype").path("dependencies").path("log").path("features").toString())
            .isEqualTo("[\"json\"]");
    }

    @Test
    void searchReadsTheObjects() {
        stub.on("/-/v1/search?text=json+lua&size=5", request -> Answer.json(200, """
            {"objects":[{"package":{"name":"lua-json","version":"2.0.0","description":"JSON","keywords":["json"]}}],
             "total":1}"""));
        try (RegistryClient client = client()) {
            assertThat(client.search("json lua", 5))
                .containsExactly(new SearchHit("lua-json", "2.0.0", "JSON", List.of("json")));
        }
    }

    @Test
    void theSourceReadsVersionsAndDependenciesAndTreats404AsAbsent() {
        stub.on("/a", request -> Answer.json(200, PACKUMENT));
        try (RegistryClient client = client()) {
            RegistryPackageSource source = new RegistryPackageSource(client);
            assertThat(source.versions("a")).hasValueSatisfying(v -> assertThat(v).hasSize(1));
            assertThat(source.dependencies("a", dev.hype.pm.semver.Version.parse("1.0.0")).required()).containsKey("b");
            assertThat(source.versions("nope")).isEmpty();
            source.versions("a");
        }
        assertThat(stub.seen()).hasSize(2);
    }

    @Test
    void aSlowAnswerTimesOutWithoutARetry() throws InterruptedException {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        stub.on("/slow", request -> {
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json(200, PACKUMENT);
        });
        ClientOptions impatient = new ClientOptions(null, Duration.ofSeconds(2), Duration.ofMillis(300), 2,
            Duration.ofMillis(1));
        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), impatient)) {
            assertThatThrownBy(() -> client.packument("slow", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_TIMEOUT);
                    assertThat(e.getMessage()).contains(stub.url() + "/slow", "for slow", "no answer within 300 ms");
                });
        } finally {
            release.countDown();
        }
        assertThat(stub.seen()).hasSize(1);
    }

    @Test
    void offlineAnswersFromTheCacheWithoutAskingAndFailsClearlyOnAMiss() {
        stub.on("/a", request -> new Answer(200, Map.of("Content-Type", "application/json", "ETag", "\"v1\""),
            PACKUMENT.getBytes()));
        try (RegistryClient client = client()) {
            client.packument("a", Form.ABBREVIATED);
        }
        ClientOptions offline = new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
            Duration.ofMillis(1)).withOffline(true);
        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), offline)) {
            assertThat(client.packument("a", Form.FULL).latest()).hasValue("1.0.0");
            assertThatThrownBy(() -> client.packument("b", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_OFFLINE);
                    assertThat(e.getMessage()).contains("--offline", "package document of b", "not in the cache");
                });
            assertThatThrownBy(() -> client.version("a", "1.0.0"))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryException.E_OFFLINE));
        }
        assertThat(stub.seen()).hasSize(1);
    }
}
