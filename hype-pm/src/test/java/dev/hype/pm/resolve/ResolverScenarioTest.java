package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Run every resolver scenario under {@code src/test/resources/resolve/scenarios}. */
class ResolverScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> resolveEveryScenario() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/resolve/scenarios").toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    static void run(Path file) throws IOException {
        JsonNode scenario = JSON.readTree(file.toFile());
        RootRequirements root = root(scenario.get("root"));
        PackageSource source = IndexPackageSource.fromTree(scenario, file.getFileName().toString());
        JsonNode expect = scenario.get("expect");
        if (expect.has("explanation")) {
            ResolutionException e = catchThrowableOfType(ResolutionException.class,
                    () -> DependencyResolver.pubGrub().resolve(root, source));
            assertThat(e).as("resolution should fail").isNotNull();
            List<String> lines = new ArrayList<>();
            expect.get("explanation").forEach(l -> lines.add(l.asText()));
            assertThat(e.explanation()).isEqualTo(String.join("\n", lines));
            assertThat(e.code()).isEqualTo("E_VERSION_CONFLICT");
            if (expect.has("hints")) {
                assertThat(e.hints()).containsExactlyElementsOf(strings(expect.get("hints")));
            }
            return;
        }
        Resolution resolution = DependencyResolver.pubGrub().resolve(root, source);
        Map<String, String> versions = new LinkedHashMap<>();
        resolution.versions().forEach((k, v) -> versions.put(k, v.toString()));
        Map<String, String> expected = new LinkedHashMap<>();
        expect.get("versions").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
        assertThat(versions).isEqualTo(expected);
        if (expect.has("installOrder")) {
            assertThat(resolution.installOrder()).containsExactlyElementsOf(strings(expect.get("installOrder")));
        }
        List<List<String>> cycles = new ArrayList<>();
        expect.path("cycles").forEach(c -> cycles.add(strings(c)));
        assertThat(resolution.cycles()).isEqualTo(cycles);
    }

    static RootRequirements root(JsonNode node) {
        Map<String, VersionSet> deps = new LinkedHashMap<>();
        node.path("dependencies").properties().forEach(e -> deps.put(e.getKey(), Range.parse(e.getValue().asText()).toVersionSet()));
        Map<String, Version> locked = new LinkedHashMap<>();
        node.path("locked").properties().forEach(e -> locked.put(e.getKey(), Version.parse(e.getValue().asText())));
        return new RootRequirements(node.get("name").asText(), Version.parse(node.path("version").asText("1.0.0")), deps, locked);
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
