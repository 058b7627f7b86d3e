package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfig;
import dev.hype.pm.registry.RegistryException;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoOperationTest {
    @TempDir
    Path temp;

    private RegistryClient client;

    @BeforeEach
    void publish() throws IOException {
        client = publishedWidget(temp);
    }

    /**
     * Return a client of a file registry under {@code temp} where {@code @acme/w} is published at 1.0.0, 1.5.0 and
     * 2.0.0 (latest), and 2.0.0-rc.1 (next).
     */
    static RegistryClient publishedWidget(Path temp) throws IOException {
        RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(temp.resolve("reg").toUri()),
            ClientOptions.defaults(null));
        for (String version : new String[] {"1.0.0", "1.5.0", "2.0.0-rc.1", "2.0.0"}) {
            Path dir = Files.createDirectories(temp.resolve("p" + version));
            String manifest = "{\"name\":\"@acme/w\",\"version\":\"" + version + "\"}";
            Files.writeString(dir.resolve("hype.json"), manifest);
            PackResult packed = Packer.create(SourceChecker.acceptAll()).pack(dir);
            client.publish(packed, new ObjectMapper().readTree(manifest), version.contains("-") ? "next" : "latest");
        }
        return client;
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRangeOnAScopedNameListsMatchingReleasesAscending() {
        InfoResult result = InfoOperation.run(new InfoOptions("@acme/w@>=1.2"), client);
        assertThat(result.name()).isEqualTo("@acme/w");
        assertThat(result.matching()).extracting(Object::toString).containsExactly("1.5.0", "2.0.0");
        assertThat(result.shown()).isEqualTo("2.0.0");
    }

    @Test
    void aTagSelectsItsVersionAndNoSelectorShowsLatest() {
        assertThat(InfoOperation.run(new InfoOptions("@acme/w@next"), client).shown()).isEqualTo("2.0.0-rc.1");
        InfoResult latest = InfoOperation.run(new InfoOptions("@acme/w"), client);
        assertThat(latest.matching()).isNull();
        assertThat(latest.shown()).isEqualTo("2.0.0");
        assertThat(latest.version().path("version").asText()).isEqualTo("2.0.0");
    }

    @Test
    void aWordThatIsNoDistTagNamesTheTagsThereAre() {
        assertThatThrownBy(() -> InfoOperation.run(new InfoOptions("@acme/w@beta"), client))
            .isInstanceOfSatisfying(HypeException.class, e -> {
                assertThat(e.code()).isEqualTo(InfoOperation.E_BAD_SPEC);
                assertThat(e.getMessage()).isEqualTo("@acme/w has no dist-tag 'beta'");
                assertThat(e.hints()).containsExactly("dist-tags of @acme/w: latest, next");
            });
    }

    @Test
    void badSpecsAndUnknownPackagesAreErrors() {
        assertThatThrownBy(() -> InfoOperation.run(new InfoOptions("@acme/w@"), client))
            .isInstanceOfSatisfying(HypeException.class, e -> assertThat(e.code()).isEqualTo(InfoOperation.E_BAD_SPEC));
        assertThatThrownBy(() -> InfoOperation.run(new InfoOptions("@acme/w@not a range!"), client))
            .hasMessageContaining("neither a version range nor a dist-tag");
        assertThatThrownBy(() -> InfoOperation.run(new InfoOptions("ghost"), client))
            .isInstanceOfSatisfying(RegistryException.class,
                e -> assertThat(e.code()).isEqualTo(RegistryException.E_NOT_FOUND));
    }
}
