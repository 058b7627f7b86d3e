package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.registry.StubServer.Answer;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP registry client's answers to registries that misbehave in rarer ways: rate limits with
 * {@code Retry-After}, empty or non-JSON bodies, documents without the fields npm's protocol promises, refused
 * tarballs, and account answers without a token or user name. Each error names the registry and the package.
 */
class HttpRegistryErrorsTest {
    private static final String PACKUMENT = """
        {"name":"a","dist-tags":{"latest":"1.0.0"},"versions":{"1.0.0":{"name":"a","version":"1.0.0"}}}""";

    @TempDir
    java.nio.file.Path temp;

    private final StubServer stub = start();

    private static StubServer start() {
        try {
            return StubServer.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private RegistryClient client() {
        return RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()).withToken("t"),
            new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(5), 3,
                Duration.ofMillis(1)));
    }

    private static Answer withHeader(int status, String header, String value) {
        return new Answer(status, Map.of("Content-Type", "application/json", header, value), "{}".getBytes());
    }

    private static RegistryException registryError(ThrowingCallable action) {
        RegistryException e = catchThrowableOfType(RegistryException.class, action);
        assertThat(e).as("the RegistryException thrown").isNotNull();
        return e;
    }

    @Test
    void aRateLimitIsRetriedAfterTheWaitItAsksForUnlessThatIsTooLong() {
        AtomicInteger calls = new AtomicInteger();
        stub.on("/a", request -> calls.incrementAndGet() == 1 ? withHeader(429, "Retry-After", "0")
            : Answer.json(200, PACKUMENT));
        stub.on("/b", request -> withHeader(429, "Retry-After", "86400"));

        try (RegistryClient client = client()) {
            assertThat(client.packument("a", Form.FULL).latest()).hasValue("1.0.0");
            RegistryException e = registryError(() -> client.packument("b", Form.FULL));
            assertThat(e.code()).isEqualTo(RegistryException.E_BAD_RESPONSE);
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.getMessage()).contains("the registry is limiting the rate of requests");
            assertThat(e.hints()).containsExactly("wait a while and try again");
        }
        assertThat(calls).hasValue(2);
        assertThat(stub.seen().stream().filter(s -> s.rawPath().equals("/b"))).as("a day is not waited for").hasSize(1);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        String past = ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        String future = ZonedDateTime.now(ZoneOffset.UTC).plusHours(2).format(DateTimeFormatter.RFC_1123_DATE_TIME);

        assertThat(HttpRegistryClient.retryAfter(answer(503, "7"))).isEqualTo(Duration.ofSeconds(7));
        assertThat(HttpRegistryClient.retryAfter(answer(429, "-5"))).isEqualTo(Duration.ZERO);
        assertThat(HttpRegistryClient.retryAfter(answer(503, past))).isEqualTo(Duration.ZERO);
        assertThat(HttpRegistryClient.retryAfter(answer(503, future))).isBetween(Duration.ofMinutes(110),
            Duration.ofMinutes(121));
        assertThat(HttpRegistryClient.retryAfter(answer(503, "soon"))).isNull();
        assertThat(HttpRegistryClient.retryAfter(answer(503, " "))).isNull();
        assertThat(HttpRegistryClient.retryAfter(answer(500, "7"))).as("only 429 and 503 ask to wait").isNull();
    }

    private static HttpRegistryClient.Answer answer(int status, String retryAfter) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (k, v) -> true);
        return new HttpRegistryClient.Answer(status, headers, new byte[0], java.net.URI.create("http://127.0.0.1/a"));
    }

    @Test
    void anEmptyOrNonJsonBodyIsNotARegistry() {
        stub.on("/empty", request -> Answer.json(200, ""));
        stub.on("/text", request -> new Answer(200, Map.of("Content-Type", "text/plain"), "hello".getBytes()));

        try (RegistryClient client = client()) {
            RegistryException empty = registryError(() -> client.packument("empty", Form.FULL));
            assertThat(empty.code()).isEqualTo(RegistryException.E_NOT_A_REGISTRY);
            assertThat(empty.getMessage()).isEqualTo(stub.url() + " answered an empty body for empty (HTTP 200)");
            RegistryException text = registryError(() -> client.packument("text", Form.FULL));
            assertThat(text.getMessage()).isEqualTo(stub.url() + " answered something that is not JSON for text"
                + " (HTTP 200)");
        }
    }

    @Test
    void documentsWithoutTheFieldsOfTheProtocolAreRefused() {
        stub.on("/noversions", request -> Answer.json(200, "{\"name\":\"noversions\"}"));
        stub.on("/-/v1/search?text=x&size=3", request -> Answer.json(200, "{\"total\":0}"));
        stub.on("/list?write=true", request -> Answer.json(200, "[1, 2]"));

        try (RegistryClient client = client()) {
            RegistryException versions = registryError(() -> client.packument("noversions", Form.FULL));
            assertThat(versions.code()).isEqualTo(RegistryException.E_BAD_RESPONSE);
            assertThat(versions.getMessage()).isEqualTo(stub.url() + ": the package document has no 'versions'"
                + " object (package noversions)");
            assertThat(registryError(() -> client.search("x", 3)).getMessage())
                .isEqualTo(stub.url() + ": the search answer has no 'objects' array");
            assertThat(registryError(() -> client.deprecate("list", Map.of("*", "old"))).getMessage())
                .isEqualTo(stub.url() + ": the package document is not an object (package list)");
        }
    }

    @Test
    void aTarballTheRegistryRefusesOrDoesNotNameIsReported() {
        stub.on("/a/-/a-1.0.0.tgz", request -> Answer.json(403, "{\"reason\":\"quarantined\"}"));
        stub.on("/a/-/a-2.0.0.tgz", request -> new Answer(500, Map.of(), "<<not json>>".getBytes()));

        try (RegistryClient client = client()) {
            RegistryException refused = registryError(() -> client.download("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", "sha512-AAAA", null)));
            assertThat(refused.code()).isEqualTo(RegistryException.E_UNAUTHORIZED);
            assertThat(refused.getMessage()).isEqualTo("not authorised to download the tarball of 1.0.0 of a from "
                + stub.url() + " (HTTP 403): quarantined");
            RegistryException failed = registryError(() -> client.download("a", "2.0.0",
                new Dist("a/-/a-2.0.0.tgz", "sha512-AAAA", null)));
            assertThat(failed.getMessage()).isEqualTo("cannot download the tarball of 2.0.0 of a from " + stub.url()
                + " (HTTP 500)");
            assertThat(failed.hints()).containsExactly("the registry failed; try again later");
            RegistryException none = registryError(() -> client.download("a", "3.0.0", new Dist(null, null, null)));
            assertThat(none.getMessage()).isEqualTo(stub.url() + ": version 3.0.0 has no dist.tarball (package a)");
        }
    }

    @Test
    void aTarballWithoutAUsableDigestIsRefused() {
        stub.on("/a/-/a-1.0.0.tgz", request -> Answer.bytes(new byte[] {1, 2, 3}));

        try (RegistryClient client = client()) {
            RegistryException none = registryError(() -> client.download("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", null, null)));
            assertThat(none.code()).isEqualTo(RegistryException.E_INTEGRITY);
            assertThat(none.getMessage()).contains("expected a published integrity or shasum");
            RegistryException unreadable = registryError(() -> client.download("a", "1.0.0",
                new Dist("a/-/a-1.0.0.tgz", "md5-xyz", null)));
            assertThat(unreadable.code()).isEqualTo(RegistryException.E_INTEGRITY);
            assertThat(unreadable.getMessage()).contains("expected md5-xyz, got an unreadable digest (");
        }
    }

    @Test
    void unpublishingAVersionTheRegistryDoesNotHaveIsNotFound() {
        stub.on("/a?write=true", request -> Answer.json(200, PACKUMENT));

        try (RegistryClient client = client()) {
            RegistryException e = registryError(() -> client.unpublish("a", "9.9.9"));
            assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("cannot unpublish version 9.9.9 of a: not found in " + stub.url()
                + " (HTTP 404)");
        }
        assertThat(stub.seen()).as("nothing was changed").allMatch(s -> s.method().equals("GET"));
    }

    @Test
    void accountAnswersWithoutATokenOrAUserAreRefused() {
        stub.on("/-/user/org.couchdb.user:ann", request -> Answer.json(201, "{\"ok\":true}"));
        stub.on("/-/whoami", request -> Answer.json(200, "{\"user\":\"ann\"}"));

        try (RegistryClient client = client()) {
            assertThat(registryError(() -> client.login("ann", "pw")).getMessage())
                .isEqualTo(stub.url() + ": the login answer has no token");
            assertThat(registryError(client::whoami).getMessage())
                .isEqualTo(stub.url() + ": the whoami answer has no username");
        }
    }

    @Test
    void anUnreachableRegistryIsExplainedByItsInnermostCause() {
        java.net.URI registry = stub.url();
        java.util.Map<Throwable, String> reasons = new java.util.LinkedHashMap<>();
        reasons.put(new IOException(new java.net.UnknownHostException("r.example")), "unknown host");
        reasons.put(new java.net.http.HttpConnectTimeoutException("slow"), "timed out connecting");
        reasons.put(new java.net.http.HttpTimeoutException("slow"), "timed out waiting for an answer");
        reasons.put(new InterruptedException(), "interrupted");
        reasons.put(new IOException(new java.net.ConnectException()), "connection refused");
        reasons.put(new IOException("stream reset"), "stream reset");
        reasons.put(new IOException(), "connection failed");

        reasons.forEach((cause, reason) -> assertThat(RegistryException.unreachable(registry, "a", 2, cause))
            .as(cause.toString()).satisfies(e -> {
                assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_UNREACHABLE);
                assertThat(e.getMessage()).isEqualTo("cannot reach " + registry + " for a after 2 attempts: " + reason);
            }));
        assertThat(RegistryException.unreachable(registry, null, 1, null).getMessage())
            .isEqualTo("cannot reach " + registry + " after 1 attempt: connection failed");
    }

    @Test
    void aMalformedDependencyListOrDependencyNameIsBlamedOnThePublishedVersion() {
        stub.on("/bad", request -> Answer.json(200, """
            {"name":"bad","dist-tags":{"latest":"1.0.0"},"versions":{
              "1.0.0":{"name":"bad","version":"1.0.0","dependencies":{"b":["^1"]}},
              "2.0.0":{"name":"bad","version":"2.0.0","dependencies":{"../evil":"^1"}}}}"""));

        try (RegistryClient client = client()) {
            RegistryPackageSource source = new RegistryPackageSource(client);
            RegistryException list = registryError(() -> source.dependencies("bad",
                dev.hype.pm.semver.Version.parse("1.0.0")));
            assertThat(list.code()).isEqualTo(RegistryException.E_BAD_RESPONSE);
            assertThat(list.getMessage()).startsWith("bad@1.0.0 in " + stub.url() + " has a malformed dependency"
                + " list: ");
            assertThatThrownBy(() -> source.dependencies("bad", dev.hype.pm.semver.Version.parse("2.0.0")))
                .hasMessageContaining("the package document of bad@2.0.0 in " + stub.url() + " (a dependency)");
            assertThat(source.dependencies("bad", dev.hype.pm.semver.Version.parse("9.0.0")).required())
                .as("a version the document lacks has none").isEmpty();
        }
    }

    @Test
    void aDamagedCacheCountsAsAMissOfflineAndAnUnreadableBodyIsNamed() throws IOException {
        stub.on("/a", request -> Answer.json(200, PACKUMENT));
        try (RegistryClient client = client()) {
            client.packument("a", Form.FULL);
        }
        List<java.nio.file.Path> cached;
        try (var walk = java.nio.file.Files.walk(temp.resolve("cache"))) {
            cached = walk.filter(java.nio.file.Files::isRegularFile).toList();
        }
        assertThat(cached).isNotEmpty();
        ClientOptions offline = new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(5), 1,
            Duration.ofMillis(1)).withOffline(true);

        for (java.nio.file.Path file : cached) {
            String header = java.nio.file.Files.readString(file).lines().findFirst().orElseThrow();
            java.nio.file.Files.writeString(file, header + "\n{ not json");
        }
        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), offline)) {
            assertThat(registryError(() -> client.packument("a", Form.FULL)).getMessage())
                .isEqualTo(stub.url() + ": the cached package document is not JSON (package a)");
        }
        for (java.nio.file.Path file : cached) {
            java.nio.file.Files.writeString(file, "no header line");
        }
        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), offline)) {
            assertThat(registryError(() -> client.packument("a", Form.FULL)).code())
                .isEqualTo(RegistryException.E_OFFLINE);
        }
        for (java.nio.file.Path file : cached) {
            java.nio.file.Files.writeString(file, "{\"url\":\"http://elsewhere/a\"}\n" + PACKUMENT);
        }
        try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(stub.url()), offline)) {
            assertThat(registryError(() -> client.packument("a", Form.FULL)).code()).as("another URL's document")
                .isEqualTo(RegistryException.E_OFFLINE);
        }
    }

    @Test
    void clientOptionsRefuseBoundsThatCannotWork() {
        assertThatThrownBy(() -> new ClientOptions(null, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
            Duration.ofMillis(1))).isInstanceOf(IllegalArgumentException.class).hasMessage("attempts must be at least 1");
        assertThatThrownBy(() -> ClientOptions.defaults(null).withBodyBounds(Duration.ofSeconds(1), 0))
            .isInstanceOf(IllegalArgumentException.class).hasMessage("maxResponseBytes must be positive");
    }
}
