package dev.hype.pm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cross-check against the real node-semver in one node process: 10,000 random version/range pairs
 * (half with includePrerelease, some loose), plus increments, coercions and comparisons. Every disagreement is a bug.
 */
class NodeSemverOracleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void agreeWithNodeSemverOnRandomVersionsAndRanges() throws Exception {
        Path tools = buildTools();
        RandomSemver random = new RandomSemver(Long.getLong("semver.oracle.seed", 20261122L));
        int pairs = Integer.getInteger("semver.oracle.pairs", 10_000);
        List<ObjectNode> questions = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            ObjectNode q = JSON.createObjectNode().put("op", "satisfies")
                    .put("version", random.version()).put("range", random.range())
                    .put("loose", random.chance(5)).put("includePrerelease", i % 2 == 0);
            questions.add(q);
        }
        String[] releases = {"major", "minor", "patch", "premajor", "preminor", "prepatch", "prerelease", "release"};
        String[] preids = {"", "alpha", "beta", "rc.1", "0"};
        for (int i = 0; i < 2_000; i++) {
            questions.add(JSON.createObjectNode().put("op", "inc").put("version", random.version())
                    .put("release", releases[i % releases.length]).put("preid", preids[(i / 8) % preids.length]));
            questions.add(JSON.createObjectNode().put("op", "coerce")
                    .put("text", (i % 3 == 0 ? "v" : "x ") + random.version() + (i % 4 == 0 ? ".7" : ""))
                    .put("includePrerelease", i % 2 == 0).put("rtl", i % 5 == 0));
            questions.add(JSON.createObjectNode().put("op", "compare").put("a", random.version())
                    .put("b", random.version()).put("loose", i % 3 == 0));
        }
        List<JsonNode> answers = ask(tools, questions);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String mismatch = compare(questions.get(i), answers.get(i));
            if (mismatch != null) {
                disagreements.add(mismatch);
            }
        }
        assertThat(disagreements).as("disagreements with node-semver").isEmpty();
        long validRanges = answers.stream().filter(a -> a.has("range") && !a.get("range").isNull()).count();
        long satisfied = answers.stream().filter(a -> a.path("satisfies").asBoolean()).count();
        assertThat(validRanges).as("valid ranges among the random ones").isGreaterThan(pairs / 2);
        assertThat(satisfied).as("satisfied pairs among the random ones").isGreaterThan(pairs / 10);
    }

    /**
     * The ranges around the shapes Range.parse reads by hand (RangeShortcut), each against a version near its bounds;
     * without the Lyra form {@code MIN..MAX}, which is Hype's own and which node-semver rejects.
     */
    @Test
    void agreeWithNodeSemverOnTheRangeShortcutCorpus() throws Exception {
        Path tools = buildTools();
        List<String> ranges = RangeCorpus.ranges(3_000, 20261203L).stream().filter(r -> !r.contains("..")).toList();
        List<String> probes = RangeCorpus.probes();
        List<ObjectNode> questions = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            for (int options : new int[] {0, 1 + i % 3}) {
                questions.add(JSON.createObjectNode().put("op", "satisfies")
                        .put("version", probes.get((i * 7 + options) % probes.size())).put("range", ranges.get(i))
                        .put("loose", (options & 1) != 0).put("includePrerelease", (options & 2) != 0));
            }
        }
        List<JsonNode> answers = ask(tools, questions);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String mismatch = compare(questions.get(i), answers.get(i));
            if (mismatch != null) {
                disagreements.add(mismatch);
            }
        }
        assertThat(disagreements).as("disagreements with node-semver").isEmpty();
    }

    private static String compare(ObjectNode q, JsonNode a) {
        String op = q.get("op").asText();
        String ours;
        String theirs;
        switch (op) {
            case "satisfies" -> {
                RangeOptions options = new RangeOptions(q.get("loose").asBoolean(), q.get("includePrerelease").asBoolean());
                Optional<Range> range = Range.tryParse(q.get("range").asText(), options);
                boolean satisfies = range.map(r -> r.test(q.get("version").asText())).orElse(false);
                boolean viaSet = range.flatMap(r -> Version.tryParse(q.get("version").asText(), options.loose())
                        .map(v -> r.toVersionSet().contains(v))).orElse(false);
                String version = Version.tryParse(q.get("version").asText(), options.loose()).map(Version::toString).orElse(null);
                ours = range.map(Range::toString).orElse(null) + " " + version + " " + satisfies + " " + viaSet;
                theirs = (a.get("range").isNull() ? null : a.get("range").asText()) + " "
                        + (a.get("version").isNull() ? null : a.get("version").asText()) + " "
                        + a.get("satisfies").asBoolean() + " " + a.get("satisfies").asBoolean();
            }
            case "inc" -> {
                String preid = q.get("preid").asText();
                ours = Version.tryParse(q.get("version").asText(), false).flatMap(v -> {
                    try {
                        return Optional.of(v.inc(ReleaseType.parse(q.get("release").asText()), preid).toString());
                    } catch (SemverException e) {
                        return Optional.empty();
                    }
                }).orElse(null);
                theirs = a.get("result").isNull() ? null : a.get("result").asText();
            }
            case "compare" -> {
                boolean loose = q.get("loose").asBoolean();
                Optional<Version> left = Version.tryParse(q.get("a").asText(), loose);
                Optional<Version> right = Version.tryParse(q.get("b").asText(), loose);
                ours = left.isPresent() && right.isPresent()
                        ? Integer.toString(Integer.signum(left.get().compareTo(right.get()))) : null;
                theirs = a.get("result").isNull() ? null : a.get("result").asText();
            }
            default -> {
                ours = Version.coerce(q.get("text").asText(), q.get("includePrerelease").asBoolean(),
                        q.get("rtl").asBoolean()).map(Version::toString).orElse(null);
                theirs = a.get("result").isNull() ? null : a.get("result").asText();
            }
        }
        return java.util.Objects.equals(ours, theirs) ? null : q + " -> ours " + ours + ", node " + theirs;
    }

    private static List<JsonNode> ask(Path tools, List<ObjectNode> questions) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", tools.resolve("semver-oracle.js").toString())
                .directory(tools.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (OutputStream in = node.getOutputStream()) {
            for (ObjectNode q : questions) {
                in.write((JSON.writeValueAsString(q) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        String text = output.join();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<JsonNode> answers = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                answers.add(JSON.readTree(line));
            }
        }
        assertThat(answers).hasSameSizeAs(questions);
        return answers;
    }

    private static Path buildTools() {
        Path tools = Path.of("").toAbsolutePath();
        while (tools != null && !Files.isDirectory(tools.resolve("build-tools"))) {
            tools = tools.getParent();
        }
        assumeTrue(tools != null, "skipped: no build-tools directory found above the working directory");
        Path dir = tools.resolve("build-tools");
        assumeTrue(Files.isDirectory(dir.resolve("node_modules/semver")),
                "skipped: build-tools/node_modules/semver is absent; run scripts/semver-oracle.sh to install it");
        assumeTrue(nodeAvailable(), "skipped: node is not on the PATH; install Node.js to cross-check against node-semver");
        return dir;
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
