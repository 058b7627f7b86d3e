package dev.hype.pm.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Check that the hand-written reading of common ranges gives exactly what node-semver's full steps give. */
class RangeShortcutTest {
    private static final List<RangeOptions> OTHER_OPTIONS = List.of(new RangeOptions(true, false),
            new RangeOptions(false, true), new RangeOptions(true, true));

    /** Each range with the default options and one of the three others in turn (~50,000 parses each way). */
    @Test
    void giveTheFullParsersResultForEveryRangeOfTheCorpus() {
        List<String> corpus = RangeCorpus.ranges(3_000, 20261203L);
        List<Version> probes = RangeCorpus.probes().stream().map(Version::parse).toList();
        List<String> differences = new ArrayList<>();
        int shortcut = 0;
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i);
            for (RangeOptions options : List.of(RangeOptions.DEFAULT, OTHER_OPTIONS.get(i % OTHER_OPTIONS.size()))) {
                if (RangeShortcut.read(text, options) != null) {
                    shortcut++;
                }
                String fast = describe(() -> Range.parse(text, options), probes);
                String full = describe(() -> Range.parseFully(text, options), probes);
                if (!fast.equals(full)) {
                    differences.add("\"" + text + "\" " + options + ": shortcut " + fast + ", full " + full);
                }
            }
        }
        assertThat(differences).as("ranges where the shortcut and the full parser disagree").isEmpty();
        assertThat(shortcut).as("parses the shortcut took").isGreaterThan(5_000);
    }

    @Test
    void readTheShapesOfRealManifestsWithoutTheFullParser() {
        for (String text : List.of("^1.0.0", "~1.2.3", "1.2.3", "=1.2.3", ">=1.0.0", ">=1.0.0 <2.0.0", "*", "1.x",
                "1.2.x", "~1.2", "^0.2.3", "^1.0.0-beta.1", "v1.2.3", "~>1.2", "<=2")) {
            assertThat(RangeShortcut.read(text, RangeOptions.DEFAULT)).as(text).isNotNull();
        }
        for (String text : List.of("^1.0.0 || ^2.0.0", "1.0.0 - 2.0.0", "^1.0.0+build", " ^1.0.0", "^01.0.0",
                "^1.0.0-01", ">= 1.0.0", "1.2.3-", "^1.2.3.4", "^1.0.0\t<2", "1000000000000000.0.0", "")) {
            assertThat(RangeShortcut.read(text, RangeOptions.DEFAULT)).as(text).isNull();
        }
    }

    @Test
    void keepTheRangeTextAndRenderingOfTheFullParser() {
        Range range = Range.parse(">=1.2.3 <2.0.0 >=1.2.3");
        assertThat(range.raw()).isEqualTo(">=1.2.3 <2.0.0 >=1.2.3");
        assertThat(range.toString()).isEqualTo(">=1.2.3 <2.0.0");
        assertThat(Range.parse("0.x", new RangeOptions(false, true)).toString()).isEqualTo("<1.0.0-0");
        assertThat(Range.parse(">=v0.0.0").toString()).isEqualTo(">=0.0.0");
        assertThat(Range.parse(">=0.0.0").toString()).isEmpty();
    }

    /** Render everything a range exposes, or the error it gives, so that two parses compare as text. */
    private static String describe(java.util.function.Supplier<Range> parse, List<Version> probes) {
        Range range;
        try {
            range = parse.get();
        } catch (SemverException e) {
            return "error " + e.code() + " " + e.getMessage();
        }
        String sets = range.comparatorSets().stream()
                .map(set -> set.stream().map(c -> c.operator() + "|" + (c.isAny() ? "any"
                        : c.version().toFullString() + "|" + c.version().prerelease() + "|" + c.version().build()
                        + "|" + c.version().label())).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" or "));
        String tests = probes.stream().map(v -> range.test(v) ? "1" : "0").collect(Collectors.joining());
        return range.raw() + " / " + range.options() + " / " + sets + " / " + range + " / " + range.toVersionSet()
                + " / " + tests;
    }
}
