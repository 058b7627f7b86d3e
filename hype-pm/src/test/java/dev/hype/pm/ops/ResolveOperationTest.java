package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.manifest.ManifestException;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.resolve.ResolutionException;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveOperationTest {
    private static final String INDEX = """
            {"packages": {
              "lpeg": {"1.0.0": {}, "1.1.0": {}},
              "json": {"2.0.0": {"dependencies": {"lpeg": "^1.0.0"}}},
              "busted": {"2.2.0": {"dependencies": {"json": "2.x"}}},
              "socket": {"3.0.0": {}},
              "zlib": {"1.0.0": {}}
            }}
            """;

    @Test
    void resolveManifestAgainstIndexFile(@TempDir Path dir) throws IOException {
        Path index = project(dir, """
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"json": "^2.0.0"},
                 "devDependencies": {"busted": "^2.0.0"},
                 "optionalDependencies": {"socket": "^3.0.0", "zlib": "*"},
                 "features": {"default": ["net"], "net": ["socket"], "zip": ["zlib"]}}
                """);
        ResolveResult result = ResolveOperation.run(ResolveOptions.withIndex(dir, index));
        assertThat(result.resolution().versions()).containsOnlyKeys("json", "lpeg", "busted", "socket");
        assertThat(result.resolution().installOrder()).containsExactly("lpeg", "json", "busted", "socket");
        assertThat(result.resolution().versions().get("lpeg")).isEqualTo(Version.parse("1.1.0"));
    }

    @Test
    void honourFeaturesDevFlagAndLocks(@TempDir Path dir) throws IOException {
        Path index = project(dir, """
                {"name": "app", "dependencies": {"json": "^2.0.0"}, "devDependencies": {"busted": "^2.0.0"},
                 "optionalDependencies": {"socket": "^3.0.0", "zlib": "*"},
                 "features": {"default": ["socket"], "zip": ["zlib"]}}
                """);
        ResolveOptions options = new ResolveOptions(dir, index, null, false,
                FeatureSelection.of(List.of("zip"), false, false), Map.of("lpeg", Version.parse("1.0.0")));
        ResolveResult result = ResolveOperation.run(options);
        assertThat(result.resolution().versions()).containsOnlyKeys("json", "lpeg", "zlib");
        assertThat(result.resolution().versions().get("lpeg")).isEqualTo(Version.parse("1.0.0"));
    }

    @Test
    void reportUnknownFeature(@TempDir Path dir) throws IOException {
        Path index = project(dir, "{\"name\": \"app\"}");
        ResolveOptions options = new ResolveOptions(dir, index, null, true, FeatureSelection.of(List.of("turbo")),
                Map.of());
        assertThatThrownBy(() -> ResolveOperation.run(options)).isInstanceOfSatisfying(HypeException.class,
                e -> assertThat(e.code()).isEqualTo("E_UNKNOWN_FEATURE"));
    }

    @Test
    void explainConflicts(@TempDir Path dir) throws IOException {
        Path index = project(dir, "{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.0.0\", \"lpeg\": \"^2.0.0\"}}");
        assertThatThrownBy(() -> ResolveOperation.run(ResolveOptions.withIndex(dir, index)))
                .isInstanceOfSatisfying(ResolutionException.class, e -> assertThat(e.explanation())
                        .isEqualTo("Because app depends on lpeg ^2.0.0 which doesn't match any versions, version solving failed."));
    }

    @Test
    void reportBadManifest(@TempDir Path dir) throws IOException {
        Path index = project(dir, "{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.x.y\"}}");
        assertThatThrownBy(() -> ResolveOperation.run(ResolveOptions.withIndex(dir, index)))
                .isInstanceOf(ManifestException.class).hasMessageContaining("hype.json:1:42: dependencies.json");
    }

    private static Path project(Path dir, String manifest) throws IOException {
        Files.writeString(dir.resolve("hype.json"), manifest);
        Path index = dir.resolve("index.json");
        Files.writeString(index, INDEX);
        return index;
    }
}
