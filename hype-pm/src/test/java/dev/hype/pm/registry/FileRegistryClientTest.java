package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRegistryClientTest {
    @TempDir
    Path temp;

    private RegistryClient client() {
        return RegistryClient.create(RegistryConfig.defaults().withRegistry(temp.resolve("registry").toUri()),
            ClientOptions.defaults(null));
    }

    private PackResult pack(String name, String version) throws IOException {
        Path project = Files.createDirectories(temp.resolve("p-" + name.replace('/', '_') + version));
        Files.writeString(project.resolve("hype.json"), "{\"name\":\"" + name + "\",\"version\":\"" + version
            + "\",\"description\":\"JSON for Lua\",\"keywords\":[\"json\"]}");
        return Packer.create(SourceChecker.acceptAll()).pack(project);
    }

    private static JsonNode manifest(PackResult packed) throws IOException {
        return NpmProtocol.JSON.readTree("{\"name\":\"" + packed.name() + "\",\"version\":\"" + packed.version()
            + "\",\"description\":\"JSON for Lua\",\"keywords\":[\"json\"]}");
    }

    @Test
    void publishesReadsAndDownloadsWithoutANetwork() throws IOException {
        try (RegistryClient client = client()) {
            PackResult one = pack("@lua/json", "1.0.0");
            PackResult two = pack("@lua/json", "1.1.0");
            client.publish(one, manifest(one), "latest");
            client.publish(two, manifest(two), "latest");
            assertThat(temp.resolve("registry/@lua/json/package.json")).exists();
            assertThat(temp.resolve("registry/@lua/json/json-1.1.0.tgz")).exists();

            Packument packument = client.packument("@lua/json", Form.ABBREVIATED);
            assertThat(packument.latest()).hasValue("1.1.0");
            Tarball tarball = client.download("@lua/json", "1.0.0", packument.dist("1.0.0").orElseThrow());
            assertThat(tarball.integrity()).isEqualTo(one.integrity());
            assertThat(client.version("@lua/json", "latest").path("version").asText()).isEqualTo("1.1.0");
            assertThat(client.search("json", 10)).extracting(SearchHit::name).containsExactly("@lua/json");
        }
    }

    @Test
    void versionsAreImmutableAndTagsMove() throws IOException {
        try (RegistryClient client = client()) {
            PackResult one = pack("json", "1.0.0");
            client.publish(one, manifest(one), "latest");
            assertThatThrownBy(() -> client.publish(one, manifest(one), "latest"))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryException.E_PUBLISH_CONFLICT));
            client.setDistTag("json", "stable", "1.0.0");
            assertThat(client.distTags("json")).containsEntry("stable", "1.0.0");
            client.removeDistTag("json", "stable");
            assertThat(client.distTags("json")).doesNotContainKey("stable");
            assertThatThrownBy(() -> client.setDistTag("json", "x", "9.9.9"))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND));
        }
    }

    @Test
    void parallelDownloadsKeepTheRequestOrder() throws IOException {
        try (RegistryClient client = client()) {
            List<RegistryClient.TarballRequest> requests = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                PackResult packed = pack("p" + i, "1.0.0");
                client.publish(packed, manifest(packed), "latest");
                requests.add(new RegistryClient.TarballRequest("p" + i, "1.0.0",
                    client.packument("p" + i, Form.ABBREVIATED).dist("1.0.0").orElseThrow()));
            }
            assertThat(client.downloadAll(requests)).extracting(Tarball::name)
                .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
        }
    }

    @Test
    void aMissingPackageIsNotFound() {
        try (RegistryClient client = client()) {
            assertThatThrownBy(() -> client.packument("nope", Form.FULL))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND);
                    assertThat(e.getMessage()).contains("nope", "file:");
                });
        }
    }

    private void publish(RegistryClient client, String name, String... versions) throws IOException {
        for (String version : versions) {
            PackResult packed = pack(name, version);
            client.publish(packed, manifest(packed), version.contains("-") ? "beta" : "latest");
        }
    }

    @Test
    void unpublishRemovesAVersionItsTarballAndItsTagsAndLatestFallsBack() throws IOException {
        try (RegistryClient client = client()) {
            publish(client, "json", "1.0.0", "1.1.0", "2.0.0-beta.1");
            client.unpublish("json", "1.1.0");
            assertThat(temp.resolve("registry/json/json-1.1.0.tgz")).doesNotExist();
            assertThat(client.distTags("json")).containsEntry("latest", "1.0.0").containsEntry("beta", "2.0.0-beta.1");
            assertThat(client.packument("json", Form.FULL).versions()).extracting(Object::toString)
                .containsExactlyInAnyOrder("1.0.0", "2.0.0-beta.1");
            // An unpublished version keeps its time entry, so it can never be published again.
            PackResult again = pack("json", "1.1.0");
            assertThatThrownBy(() -> client.publish(again, manifest(again), "latest"))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryException.E_PUBLISH_CONFLICT));
            assertThatThrownBy(() -> client.unpublish("json", "9.9.9"))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND));

            client.unpublish("json", null);
            assertThat(client.packument("json", Form.FULL).versions()).isEmpty();
            assertThat(client.distTags("json")).isEmpty();
            assertThat(temp.resolve("registry/json/json-1.0.0.tgz")).doesNotExist();
        }
    }

    @Test
    void deprecationMessagesAreSetAndClearedPerVersion() throws IOException {
        try (RegistryClient client = client()) {
            publish(client, "json", "1.0.0", "1.1.0");
            client.deprecate("json", java.util.Map.of("1.0.0", "use 1.1", "7.7.7", "unknown versions are skipped"));
            assertThat(client.version("json", "1.0.0").path("deprecated").asText()).isEqualTo("use 1.1");
            assertThat(client.version("json", "1.1.0").has("deprecated")).isFalse();
            client.deprecate("json", java.util.Map.of("1.0.0", ""));
            assertThat(client.version("json", "1.0.0").has("deprecated")).isFalse();
            assertThatThrownBy(() -> client.version("json", "next"))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND);
                    assertThat(e.getMessage()).contains("next");
                });
        }
    }

    @Test
    void ownersAreWrittenToThePackument() throws IOException {
        try (RegistryClient client = client()) {
            publish(client, "@lua/json", "1.0.0");
            client.setOwners("@lua/json", List.of("ana", "bo"));
            assertThat(client.owners("@lua/json")).containsExactly("ana", "bo");
        }
    }

    @Test
    void aMissingTarballIsNotFoundAndAnUnsafeTarballNameIsRefused() throws IOException {
        try (RegistryClient client = client()) {
            publish(client, "json", "1.0.0");
            Dist dist = client.packument("json", Form.ABBREVIATED).dist("1.0.0").orElseThrow();
            Files.delete(temp.resolve("registry/json/json-1.0.0.tgz"));
            assertThatThrownBy(() -> client.download("json", "1.0.0", dist))
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND);
                    assertThat(e.getMessage()).contains("json-1.0.0.tgz");
                });
            Dist unsafe = new Dist("file:///elsewhere/passwd", dist.integrity(), dist.shasum());
            assertThatThrownBy(() -> client.download("json", "1.0.0", unsafe))
                .isInstanceOfSatisfying(RegistryException.class,
                    e -> assertThat(e.getMessage()).contains("invalid tarball name 'passwd'"));
        }
    }

    @Test
    void searchFindsScopedAndPlainPackagesByKeywordAndSkipsHiddenDirectories() throws IOException {
        try (RegistryClient client = client()) {
            publish(client, "@lua/json", "1.0.0");
            publish(client, "cjson", "1.0.0");
            Files.createDirectories(temp.resolve("registry/.staging"));
            Files.writeString(temp.resolve("registry/.staging/package.json"), "{}");
            assertThat(client.search("JSON", 10)).extracting(SearchHit::name).containsExactly("@lua/json", "cjson");
            assertThat(client.search("json", 1)).hasSize(1);
            assertThat(client.search("xml", 10)).isEmpty();
        }
    }

    @Test
    void aMissingTagOrAnUnsafeNameIsRefused() throws IOException {
        try (RegistryClient client = client()) {
            PackResult one = pack("@lua/json", "1.0.0");
            client.publish(one, manifest(one), "latest");

            assertThatThrownBy(() -> client.removeDistTag("@lua/json", "beta"))
                .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code())
                    .isEqualTo(RegistryException.E_NOT_FOUND))
                .hasMessageContaining("remove dist-tag beta of @lua/json");
            for (String name : new String[] {"../escape", "@lua/json/deeper", ".hidden"}) {
                assertThatThrownBy(() -> client.packument(name, Form.FULL)).as(name)
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.code())
                        .isEqualTo(RegistryException.E_BAD_RESPONSE))
                    .hasMessageContaining("invalid package name '" + name + "'");
            }
            assertThat(client.distTags("@lua/json")).containsOnlyKeys("latest");
        }
    }
}
