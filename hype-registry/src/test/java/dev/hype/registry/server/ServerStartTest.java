package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the registry where it cannot run (a storage path that is a file, a port in use, a bad configuration
 * value) gives {@code E_REGISTRY_START} with a hint, and a configured public URL is what its documents link to.
 */
class ServerStartTest {
    @TempDir
    Path temp;

    @Test
    void aStorageThatIsAFileIsRefusedWithAHint() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> RegistryServer.start(RegistryConfig.defaults(file).withPort(0)))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_START);
                    assertThat(e.getMessage()).startsWith("cannot start the registry: ");
                    assertThat(e.hints()).containsExactly("check that --storage names a writable directory");
                });
    }

    @Test
    void aPortInUseIsRefusedNamingIt() throws Exception {
        try (RegistryServer first = RegistryServer.start(RegistryConfig.defaults(temp.resolve("one")).withPort(0))) {
            int port = first.baseUri().getPort();
            assertThatThrownBy(() -> RegistryServer.start(RegistryConfig.defaults(temp.resolve("two"))
                    .withHost("127.0.0.1").withPort(port)))
                    .isInstanceOfSatisfying(RegistryException.class, e -> {
                        assertThat(e.code()).isEqualTo(RegistryException.E_REGISTRY_START);
                        assertThat(e.getMessage()).startsWith("cannot listen on 127.0.0.1:" + port + ": ");
                        assertThat(e.hints().getFirst()).contains("--port 0");
                    });
        }
    }

    @Test
    void configurationValuesOutOfRangeAreRefused() {
        RegistryConfig config = RegistryConfig.defaults(temp);
        assertThatThrownBy(() -> config.withPort(70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port out of range: 70000");
        assertThatThrownBy(() -> config.withMaxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBodyBytes must be positive: 0");
        assertThatThrownBy(() -> config.withRequestTimeout(Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("requestTimeout must be at least 1 s");
    }

    @Test
    void aPublicUrlIsWhatTarballLinksUse() {
        try (TestRegistry registry = TestRegistry.start(config -> config.withPublicUrl(
                URI.create("https://registry.example.org/")))) {
            assertThat(registry.publish(PackageFixture.of("lib", "1.0.0").pack()).statusCode()).isEqualTo(201);
            assertThat(TestRegistry.json(registry.get("/lib")).path("versions").path("1.0.0").path("dist")
                    .path("tarball").asText()).isEqualTo("https://registry.example.org/lib/-/lib-1.0.0.tgz");
        }
    }
}
