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

    @Test
    void everyWrongShapeIsNamedWithTheFileAndField() throws IOException {
        Path file = temp.resolve(".hyperc.json");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("[1]", "'(top level)' must be a JSON object");
        cases.put("{\"tokens\": {\"x:1\": 5}}", "'tokens.x:1' must be a string");
        cases.put("{\"registry\": 5}", "'registry' must be a URL string");
        cases.put("{\"scopes\": {\"@a\": \"file://bad host/x\"}}", "'scopes.@a' 'file://bad host/x' is not an"
            + " http(s):// or file: URL");
        cases.put("{\"registry\": \"http://[oops\"}", "'registry' 'http://[oops' is not an http(s):// or file: URL");
        cases.put("{\"registry\": \"https:///no-host\"}", "'registry' 'https:///no-host' is not an http(s):// or"
            + " file: URL");
        for (var c : cases.entrySet()) {
            Files.writeString(file, c.getKey());
            assertThatThrownBy(() -> RegistryConfigReader.read(temp, env())).as(c.getKey())
                .isInstanceOfSatisfying(HypeException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryConfigReader.E_CONFIG))
                .hasMessage(file + ": field " + c.getValue());
        }
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> RegistryConfigReader.read(temp, env())).hasMessageStartingWith("cannot read " + file
            + ": ");
    }

    @Test
    void anAbsoluteFileUrlIsTakenAsItIs() throws IOException {
        Path registry = temp.resolve("elsewhere");
        Files.writeString(temp.resolve(".hyperc.json"), "{\"registry\": \"" + registry.toUri() + "\"}");

        assertThat(Path.of(RegistryConfigReader.read(temp, env()).registry())).isEqualTo(registry);
    }

    @Test
    void savingAndRemovingATokenKeepsTheRestOfTheFile() throws IOException {
        Path home = home();
        Files.writeString(home.resolve("config.json"), "{\"registry\": \"http://r.example:4873\"}");
        URI registry = URI.create("http://r.example:4873");

        Path file = RegistryConfigWriter.setToken(home, registry, "secret");

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        assertThat(RegistryConfigReader.read(temp, env()).tokens()).containsEntry("r.example:4873", "secret");
        assertThat(RegistryConfigWriter.removeToken(home, registry)).isTrue();
        assertThat(RegistryConfigWriter.removeToken(home, registry)).as("already gone").isFalse();
        assertThat(RegistryConfigReader.read(temp, env()).registry()).isEqualTo(registry);
        assertThat(RegistryConfigWriter.removeToken(temp.resolve("nohome"), registry)).isFalse();
    }

    @Test
    void aConfigFileTheWriterCannotKeepIsNotOverwritten() throws IOException {
        Path file = home().resolve("config.json");
        URI registry = URI.create("http://r.example:4873");
        for (String text : new String[] {"[]", "{\"tokens\": [\"x\"]}", "{ nope"}) {
            Files.writeString(file, text);
            assertThatThrownBy(() -> RegistryConfigWriter.setToken(home(), registry, "t")).as(text)
                .isInstanceOfSatisfying(HypeException.class,
                    e -> assertThat(e.code()).isEqualTo(RegistryConfigReader.E_CONFIG))
                .hasMessageContaining(file.toString());
            assertThat(file).hasContent(text);
        }
    }
}
