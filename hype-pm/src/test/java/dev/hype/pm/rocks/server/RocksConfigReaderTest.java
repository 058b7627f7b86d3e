package dev.hype.pm.rocks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksConfigReaderTest {
    @TempDir
    Path temp;

    @Test
    void defaultToLuaRocksOrg() {
        RocksConfig config = RocksConfigReader.read(temp, Map.of("HYPE_HOME", temp.resolve("home").toString()));
        assertThat(config.servers()).containsExactly(URI.create("https://luarocks.org"));
        assertThat(config.serversFor("penlight")).containsExactly(URI.create("https://luarocks.org"));
    }

    @Test
    void theProjectFileOverridesTheUsersServersAndMergesPackages() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("config.json"), """
                {"rocks": {"servers": "https://mirror.example/rocks", "packages": {"lpeg": "https://lpeg.example"}}}
                """);
        Path project = Files.createDirectories(temp.resolve("app/sub"));
        Files.writeString(temp.resolve("app/hype.json"), "{\"name\": \"app\"}");
        Files.writeString(temp.resolve("app/.hyperc.json"), """
                {"rocks": {"servers": ["file:vendor/rocks", "https://luarocks.org"], "packages": {"rocks:cjson": "file:c"}}}
                """);

        RocksConfig config = RocksConfigReader.read(project, Map.of("HYPE_HOME", home.toString()));

        assertThat(config.servers()).containsExactly(temp.resolve("app/vendor/rocks").toUri(),
                URI.create("https://luarocks.org"));
        assertThat(config.serversFor("lpeg")).containsExactly(URI.create("https://lpeg.example"));
        assertThat(config.serversFor("cjson")).containsExactly(temp.resolve("app/c").toUri());
        assertThat(config.withServers(List.of(URI.create("http://x"))).serversFor("penlight"))
                .containsExactly(URI.create("http://x"));
    }

    @Test
    void reportAWrongShapeNamingTheFileAndField() throws IOException {
        Files.writeString(temp.resolve(".hyperc.json"), "{\"rocks\": {\"servers\": [\"ftp://x\"]}}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, Map.of("HYPE_HOME", temp.resolve("h").toString())))
                .hasMessageContaining(temp.resolve(".hyperc.json") + ": field 'rocks.servers[0]'")
                .hasMessageContaining("is not an http(s):// or file: URL");
        Files.writeString(temp.resolve(".hyperc.json"), "{\"rocks\": {\"packages\": {\"Bad Name\": \"https://x\"}}}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, Map.of("HYPE_HOME", temp.resolve("h").toString())))
                .hasMessageContaining("field 'rocks.packages.Bad Name' is not a rock name");
        Files.writeString(temp.resolve(".hyperc.json"), "{\"rocks\": [1]}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, Map.of("HYPE_HOME", temp.resolve("h").toString())))
                .hasMessageContaining("field 'rocks' must be an object");
    }

    @Test
    void reportServersAndPackagesOfTheWrongTypeNamingTheField() throws IOException {
        Map<String, String> env = Map.of("HYPE_HOME", temp.resolve("h").toString());
        Path file = temp.resolve(".hyperc.json");
        Files.writeString(file, "{\"rocks\": {\"servers\": 5}}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, env))
                .hasMessage(file + ": field 'rocks.servers' must be a URL or a list of URLs");
        Files.writeString(file, "{\"rocks\": {\"packages\": [\"lpeg\"]}}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, env))
                .hasMessage(file + ": field 'rocks.packages' must be an object mapping rock names to URLs");
        Files.writeString(file, "{\"rocks\": {\"packages\": {\"lpeg\": 1}}}");
        assertThatThrownBy(() -> RocksConfigReader.read(temp, env))
                .isInstanceOfSatisfying(dev.hype.pm.rocks.RockException.class,
                        e -> assertThat(e.code()).isEqualTo("E_ROCK_CONFIG"))
                .hasMessage(file + ": field 'rocks.packages.lpeg' must be a URL string");
    }

    @Test
    void filesWithoutRocksOrThatAreNotJsonLeaveTheDefaults() throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        Files.writeString(home.resolve("config.json"), "{\"rocks\": null}");
        Files.writeString(temp.resolve(".hyperc.json"), "not json {");

        RocksConfig config = RocksConfigReader.read(temp, Map.of("HYPE_HOME", home.toString()));

        assertThat(config.servers()).containsExactly(URI.create("https://luarocks.org"));
        assertThat(RocksConfig.defaults().servers()).isEqualTo(config.servers());
    }
}
