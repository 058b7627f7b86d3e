package dev.hype.pm.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Run every resolver scenario under {@code src/test/resources/resolve/scenarios}, and check each against the
 * brute-force {@link FeatureOracle}: a scenario that fails has no solution at all, and one that succeeds gives a
 * solution the rules accept, with exactly the packages and features they force.
 *
 * <p>A scenario's {@code root} reads like a published version (dependencies in either form, optional ones,
 * features) plus {@code name}, {@code version}, {@code devDependencies}, {@code locked}, and the project features
 * to enable: {@code enable} (as {@code --features}), {@code defaultFeatures} and {@code allFeatures}. Its
 * {@code expect} holds {@code versions}, {@code installOrder}, {@code cycles}, {@code features} (package to feature
 * to what enabled it) and {@code rootFeatures}, or the failure's {@code explanation}.
 */
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
        Scenario root = root(scenario.get("root"));
        PackageSource source = IndexPackageSource.fromTree(scenario, file.getFileName().toString());
        FeatureOracle oracle = new FeatureOracle(source, root.requirements().name(), root.requirements().version(),
                root.declared(), root.dev(), root.selection());
        JsonNode expect = scenario.get("expect");
        if (expect.has("explanation")) {
            ResolutionException e = catchThrowableOfType(ResolutionException.class,
                    () -> DependencyResolver.pubGrub().resolve(root.requirements(), source));
            assertThat(e).as("resolution should fail").isNotNull();
            List<String> lines = new ArrayList<>();
            expect.get("explanation").forEach(l -> lines.add(l.asText()));
            assertThat(e.explanation()).isEqualTo(String.join("\n", lines));
            assertThat(e.code()).isEqualTo("E_VERSION_CONFLICT");
            assertThat(oracle.solvable()).as("the oracle finds no solution either").isFalse();
            if (expect.has("hints")) {
                assertThat(e.hints()).containsExactlyElementsOf(strings(expect.get("hints")));
            }
            return;
        }
        Resolution resolution = DependencyResolver.pubGrub().resolve(root.requirements(), source);
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
        if (expect.has("features")) {
            Map<String, Map<String, List<String>>> features = new TreeMap<>();
            expect.get("features").properties().forEach(p -> {
                Map<String, List<String>> byFeature = new TreeMap<>();
                p.getValue().properties().forEach(f -> byFeature.put(f.getKey(), strings(f.getValue())));
                features.put(p.getKey(), byFeature);
            });
            assertThat(resolution.features()).isEqualTo(features);
        }
        if (expect.has("rootFeatures")) {
            assertThat(root.requirements().features()).isEqualTo(strings(expect.get("rootFeatures")));
        }
        assertAccepted(oracle, root.requirements(), resolution);
    }

    /** Check a resolution against the oracle's rules: valid, complete, and with exactly the forced features. */
    static void assertAccepted(FeatureOracle oracle, RootRequirements root, Resolution resolution) {
        FeatureOracle.Outcome outcome = oracle.evaluate(resolution.versions());
        assertThat(outcome.problem()).as("the oracle's objection").isNull();
        assertThat(outcome.pending()).as("packages needed but not chosen").isEmpty();
        assertThat(outcome.active()).as("the packages the rules reach").isEqualTo(resolution.versions());
        Map<String, java.util.Set<String>> features = new TreeMap<>(outcome.features());
        assertThat(features.getOrDefault(root.name(), java.util.Set.of())).as("the project's features")
                .containsExactlyInAnyOrderElementsOf(root.features());
        features.remove(root.name());
        Map<String, java.util.Set<String>> resolved = new TreeMap<>();
        resolution.features().forEach((pkg, byFeature) -> resolved.put(pkg, new java.util.TreeSet<>(byFeature.keySet())));
        features.values().removeIf(java.util.Set::isEmpty);
        assertThat(resolved).as("the features the rules force").isEqualTo(features);
    }

    /** The project as a scenario declares it. */
    record Scenario(RootRequirements requirements, Dependencies declared, Dependencies dev, FeatureSelection selection) {
    }

    static Scenario root(JsonNode node) {
        Dependencies declared = PublishedDependencies.read(node);
        ObjectNode devDocument = JsonNodeFactory.instance.objectNode();
        if (node.has("devDependencies")) {
            devDocument.set("dependencies", node.get("devDependencies"));
        }
        Dependencies dev = PublishedDependencies.read(devDocument);
        Map<String, Version> locked = new LinkedHashMap<>();
        node.path("locked").properties().forEach(e -> locked.put(e.getKey(), Version.parse(e.getValue().asText())));
        FeatureSelection selection = FeatureSelection.of(strings(node.path("enable")),
                node.path("defaultFeatures").asBoolean(true), node.path("allFeatures").asBoolean(false));
        String name = node.get("name").asText();
        Version version = Version.parse(node.path("version").asText("1.0.0"));
        return new Scenario(RootRequirements.of(name, version, declared, dev, selection, locked), declared, dev,
                selection);
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
