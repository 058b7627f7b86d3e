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
}
