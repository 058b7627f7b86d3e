package dev.hype.pm.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryConfigReaderTest {
    @TempDir
    Path temp;

    private Path home() throws IOException {
        return Files.createDirectories(temp.resolve("home"));
    }

    private Map<String, String> env() throws IOException {
        return Map.of("HYPE_HOME", home().toString());
    }

    @Test
    void withoutAnyFileTheDefaultRegistryIsLocalhost4873() throws IOException {
        RegistryConfig config = RegistryConfigReader.read(temp, env());
        assertThat(config.registry()).isEqualTo(URI.create("http://localhost:4873"));
        assertThat(config.tokens()).isEmpty();
    }

    @Test
    void theProjectRootsFileOverridesTheUserFile() throws IOException {
        Files.writeString(home().resolve("config.json"), """
            {"registry": "http://user.example:4873/", "scopes": {"@a": "http://a.example"},
             "tokens": {"user.example:4873": "u"}}""");
        Path project = Files.createDirectories(temp.resolve("p/sub/deeper"));
        Files.writeString(temp.resolve("p/hype.json"), "{}");
        Files.writeString(temp.resolve("p/.hyperc.json"), """
            {"registry": "http://project.example:9000", "scopes": {"@b": "http://b.example:81"}}""");
        Files.writeString(temp.resolve(".hyperc.json"), "{\"registry\": \"http://ignored.example\"}");

        RegistryConfig config = RegistryConfigReader.read(project, env());

        assertThat(config.registry()).isEqualTo(URI.create("http://project.example:9000"));
        assertThat(config.registryFor("@a/x")).isEqualTo(URI.create("http://a.example"));
        assertThat(config.registryFor("@b/x")).isEqualTo(URI.create("http://b.example:81"));
        assertThat(config.registryFor("@c/x")).isEqualTo(URI.create("http://project.example:9000"));
        assertThat(config.registryFor("plain")).isEqualTo(URI.create("http://project.example:9000"));
        assertThat(config.tokens()).containsEntry("user.example:4873", "u");
    }

    @Test
    void aProjectFileAboveTheProjectRootNeverChoosesTheRegistry() throws IOException {
        // Someone who can write a parent folder (a shared /tmp, a checkout's parent) drops a .hyperc.json there.
        Files.writeString(temp.resolve(".hyperc.json"), """
            {"registry": "http://evil.example", "scopes": {"@acme": "http://evil.example"}}""");
        Path project = Files.createDirectories(temp.resolve("work/app"));
        Files.writeString(project.resolve("hype.json"), "{}");
        Path sub = Files.createDirectories(project.resolve("src"));
        for (Path from : java.util.List.of(project, sub)) {
            RegistryConfig config = RegistryConfigReader.read(from, env());
            assertThat(config.registry()).as("from %s", from).isEqualTo(RegistryConfig.DEFAULT_REGISTRY);
            assertThat(config.registryFor("@acme/core")).isEqualTo(RegistryConfig.DEFAULT_REGISTRY);
        }
        // Without a hype.json anywhere, only the folder the command runs in counts, not its parents.
        Path loose = Files.createDirectories(temp.resolve("loose/dir"));
        assertThat(RegistryConfigReader.read(loose, env()).registry()).isEqualTo(RegistryConfig.DEFAULT_REGISTRY);
    }

    @Test
    void aTokenGoesOnlyToItsHostAndPort() {
        RegistryConfig config = new RegistryConfig(URI.create("http://reg.example:4873"), Map.of(),
            Map.of("reg.example:4873", "t1", "other.example", "t2"));
        assertThat(config.tokenFor(URI.create("http://reg.example:4873/pkg"))).hasValue("t1");
        assertThat(config.tokenFor(URI.create("http://reg.example:4874/pkg"))).isEmpty();
        assertThat(config.tokenFor(URI.create("http://evil.example:4873/pkg"))).isEmpty();
        assertThat(config.tokenFor(URI.create("https://other.example/pkg"))).hasValue("t2");
        assertThat(config.tokenFor(URI.create("http://other.example:8080/pkg"))).hasValue("t2");
        assertThat(config.tokenFor(URI.create("http://reg.example.evil.example:4873/pkg"))).isEmpty();
    }

    @Test
    void hypeTokenAppliesToTheDefaultRegistryOnly() throws IOException {
        Files.writeString(home().resolve("config.json"), """
            {"registry": "http://main.example:4873", "scopes": {"@acme": "http://acme.example"}}""");
        RegistryConfig config = RegistryConfigReader.read(temp,
            Map.of("HYPE_HOME", home().toString(), "HYPE_TOKEN", "secret"));
        assertThat(config.tokenFor(URI.create("http://main.example:4873/x"))).hasValue("secret");
        assertThat(config.tokenFor(URI.create("http://acme.example/@acme%2fx"))).isEmpty();
    }

    @Test
    void fileRegistriesResolveAgainstTheConfigFilesDirectory() throws IOException {
        Files.writeString(temp.resolve(".hyperc.json"), "{\"registry\": \"file:local-registry\"}");
        RegistryConfig config = RegistryConfigReader.read(temp, env());
        assertThat(config.registry().getScheme()).isEqualTo("file");
        assertThat(Path.of(config.registry())).isEqualTo(temp.resolve("local-registry").toAbsolutePath());
    }

    @Test
    void aMalformedFileNamesTheFileAndField() throws IOException {
        Files.writeString(temp.resolve(".hyperc.json"), "{\"registry\": \"ftp://nope\"}");
        assertThatThrownBy(() -> RegistryConfigReader.read(temp, env()))
            .isInstanceOf(HypeException.class)
            .hasMessageContaining(".hyperc.json").hasMessageContaining("'registry'");
        Files.writeString(temp.resolve(".hyperc.json"), "{\"tokens\": []}");
        assertThatThrownBy(() -> RegistryConfigReader.read(temp, env())).hasMessageContaining("'tokens'");
    }
}
