package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A registry that stalls, drips, never ends or limits the rate: the client ends each within its bounds (here 300 ms
 * without a byte, 2 s per request, 1 MiB per body) with an error naming the bound, the package and the URL.
 */
class FaultyRegistryTest {
    private static final String PACKUMENT = "{\"name\":\"a\",\"dist-tags\":{\"latest\":\"1.0.0\"},\"versions\":{"
            + "\"1.0.0\":{\"name\":\"a\",\"version\":\"1.0.0\"}}}";
    private static final byte[] TARBALL = new byte[64 * 1024];

    private static RegistryClient client(FaultyRegistry registry) {
        ClientOptions options = new ClientOptions(null, Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                Duration.ofMillis(1)).withBodyBounds(Duration.ofMillis(300), 1 << 20);
        return RegistryClient.create(RegistryConfig.defaults().withRegistry(registry.url()), options);
    }

    private static Dist dist() {
        Arrays.fill(TARBALL, (byte) 'x');
        return new Dist("a/-/a-1.0.0.tgz", Integrity.sha512(TARBALL).sri(), null);
    }

    @Test
    void aBodyThatStallsHalfwayEndsAtTheReadTimeout() throws IOException {
        try (FaultyRegistry registry = FaultyRegistry.start(n -> FaultyRegistry.stall(TARBALL));
             RegistryClient client = client(registry)) {
            assertThatThrownBy(() -> client.download("a", "1.0.0", dist()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_TIMEOUT);
                        assertThat(e.getMessage()).contains(registry.url() + "/a/-/a-1.0.0.tgz", "for a",
                                "no data for 300 ms (read timeout)", "32768 bytes received");
                    });
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void aDrippingBodyEndsAtTheRequestDeadline() throws IOException {
        try (FaultyRegistry registry = FaultyRegistry.start(n -> FaultyRegistry.drip(
                PACKUMENT.getBytes(StandardCharsets.UTF_8), Duration.ofMillis(50)));
             RegistryClient client = client(registry)) {
            assertThatThrownBy(() -> client.packument("a", Form.ABBREVIATED))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_TIMEOUT);
                        assertThat(e.getMessage()).contains(registry.url() + "/a", "for a",
                                "the answer took longer than 2 s (request timeout)");
                    });
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void anEndlessBodyIsCutOffAtTheSizeLimit() throws IOException {
        try (FaultyRegistry registry = FaultyRegistry.start(n -> FaultyRegistry.endless());
             RegistryClient client = client(registry)) {
            assertThatThrownBy(() -> client.download("a", "1.0.0", dist()))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_RESPONSE_TOO_LARGE);
                        assertThat(e.getMessage()).contains(registry.url() + "/a/-/a-1.0.0.tgz", "(for a)",
                                "more than 1 MiB");
                    });
        }
    }

    @Test
    void a429IsRetriedAfterTheWaitItAsksFor() throws IOException {
        try (FaultyRegistry registry = FaultyRegistry.start(n -> n == 0
                ? FaultyRegistry.status(429, "Retry-After: 1")
                : FaultyRegistry.ok(PACKUMENT.getBytes(StandardCharsets.UTF_8), "application/json"));
             RegistryClient client = client(registry)) {
            assertThat(client.packument("a", Form.ABBREVIATED).latest()).hasValue("1.0.0");
            assertThat(registry.requests()).isEqualTo(2);
        }
    }

    @Test
    void a429AskingForALongWaitFailsAtOnce() throws IOException {
        try (FaultyRegistry registry = FaultyRegistry.start(n -> FaultyRegistry.status(429, "Retry-After: 3600"));
             RegistryClient client = client(registry)) {
            assertThatThrownBy(() -> client.packument("a", Form.ABBREVIATED))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(429);
                        assertThat(e.getMessage()).contains("HTTP 429", "limiting the rate");
                    });
            assertThat(registry.requests()).isEqualTo(1);
        }
    }

    @Test
    void anUnreachableTarballServerIsNamedNotTheRegistry() throws IOException {
        int closed;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        Dist elsewhere = new Dist("http://127.0.0.1:" + closed + "/a/-/a-1.0.0.tgz", dist().integrity(), null);
        try (FaultyRegistry registry = FaultyRegistry.start(n -> FaultyRegistry.endless());
             RegistryClient client = client(registry)) {
            assertThatThrownBy(() -> client.download("a", "1.0.0", elsewhere))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_UNREACHABLE);
                        assertThat(e.getMessage()).startsWith("cannot reach http://127.0.0.1:" + closed + " for a");
                    });
        }
    }

    @Test
    void retryAfterTakesSecondsOrAnHttpDate() {
        var headers = java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After", java.util.List.of("7")),
                (a, b) -> true);
        assertThat(HttpRegistryClient.retryAfter(new HttpRegistryClient.Answer(429, headers, new byte[0], null)))
                .isEqualTo(Duration.ofSeconds(7));
        var past = java.net.http.HttpHeaders.of(java.util.Map.of("Retry-After",
                java.util.List.of("Wed, 21 Oct 2015 07:28:00 GMT")), (a, b) -> true);
        assertThat(HttpRegistryClient.retryAfter(new HttpRegistryClient.Answer(503, past, new byte[0], null)))
                .isEqualTo(Duration.ZERO);
        assertThat(HttpRegistryClient.retryAfter(new HttpRegistryClient.Answer(500, headers, new byte[0], null)))
                .isNull();
    }
}
