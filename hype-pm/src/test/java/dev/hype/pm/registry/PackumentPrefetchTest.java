package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.semver.Version;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link RegistryPackageSource#prefetch}: packuments fetched ahead, once each, with their dependencies'. */
class PackumentPrefetchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    /** A client that knows a (depending on c), b and c, fails for "down", and has nothing else. */
    private RegistryClient client() {
        return (RegistryClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RegistryClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "registryFor" -> URI.create("http://registry.test/");
                    case "packument" -> packument((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private Packument packument(String name) throws Exception {
        requests.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
        if (name.equals("down")) {
            throw new RegistryException(RegistryException.E_REGISTRY_UNREACHABLE, "down", "http://registry.test/",
                    name, 0, List.of(), null);
        }
        if (!List.of("a", "b", "c").contains(name)) {
            throw new RegistryException(RegistryException.E_NOT_FOUND, "no " + name, "http://registry.test/", name,
                    404, List.of(), null);
        }
        String deps = name.equals("a") ? "{\"c\": \"^1.0.0\"}" : "{}";
        return new Packument(name, (ObjectNode) JSON.readTree("""
                {"name": "%s", "dist-tags": {"latest": "1.1.0"}, "versions": {
                  "1.0.0": {"name": "%s", "version": "1.0.0"},
                  "1.1.0": {"name": "%s", "version": "1.1.0", "dependencies": %s}}}
                """.formatted(name, name, name, deps)));
    }

    @Test
    void prefetchedPackumentsAndTheirDependenciesAreFetchedOnce() {
        RegistryPackageSource source = new RegistryPackageSource(client());
        source.prefetch(List.of("a", "b", "a", "missing"));
        source.prefetch(List.of("b"));

        assertThat(source.versions("a")).hasValue(List.of(Version.parse("1.0.0"), Version.parse("1.1.0")));
        assertThat(source.versions("b")).isPresent();
        assertThat(source.versions("c")).isPresent();
        assertThat(source.versions("missing")).isEmpty();
        assertThat(source.dependencies("a", Version.parse("1.1.0")).required()).containsOnlyKeys("c");

        assertThat(requests.get("a")).hasValue(1);
        assertThat(requests.get("b")).hasValue(1);
        assertThat(requests.get("c")).hasValue(1);
        assertThat(requests.get("missing")).hasValue(1);
    }

    @Test
    void aFailedFetchIsNotKeptAndFailsWhenAsked() {
        RegistryPackageSource source = new RegistryPackageSource(client());
        source.prefetch(List.of("down"));

        assertThatThrownBy(() -> source.versions("down")).isInstanceOf(RegistryException.class)
                .extracting(e -> ((RegistryException) e).code()).isEqualTo(RegistryException.E_REGISTRY_UNREACHABLE);
        assertThatThrownBy(() -> source.versions("down")).isInstanceOf(RegistryException.class);
        assertThat(requests.get("down").get()).isGreaterThanOrEqualTo(2);
    }
}
