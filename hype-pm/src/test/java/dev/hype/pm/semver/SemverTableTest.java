package dev.hype.pm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Check the node-semver case tables under {@code src/test/resources/semver} (each verified against node-semver). */
class SemverTableTest {

    static Stream<Arguments> rows(String file) throws IOException {
        try (InputStream in = SemverTableTest.class.getResourceAsStream("/semver/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> rows = text.lines().filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> Arrays.copyOf(l.split("\t", -1), 4)).toList();
            assertThat(rows).isNotEmpty();
            return rows.stream().map(r -> Arguments.of((Object[]) Arrays.stream(r).map(c -> c == null ? "" : c).toArray(String[]::new)));
        }
    }

    static Stream<Arguments> rangeInclude() throws IOException {
        return rows("range-include.tsv");
    }

    static Stream<Arguments> rangeExclude() throws IOException {
        return rows("range-exclude.tsv");
    }

    static Stream<Arguments> comparisons() throws IOException {
        return rows("comparisons.tsv");
    }

    static Stream<Arguments> equality() throws IOException {
        return rows("equality.tsv");
    }

    static Stream<Arguments> increments() throws IOException {
        return rows("increments.tsv");
    }

    static Stream<Arguments> invalidVersions() throws IOException {
        return rows("invalid-versions.txt");
    }

    static Stream<Arguments> invalidRanges() throws IOException {
        return rows("invalid-ranges.txt");
    }

    static Stream<Arguments> rangeParse() throws IOException {
        return rows("range-parse.tsv");
    }

    static Stream<Arguments> coerce() throws IOException {
        return rows("coerce.tsv");
    }

    static Stream<Arguments> lyra() throws IOException {
        return rows("lyra.tsv");
    }

    private static RangeOptions options(String text) {
        return new RangeOptions(text.contains("loose"), text.contains("includePrerelease"));
    }

    @ParameterizedTest(name = "{0} includes {1} {2}")
    @MethodSource("rangeInclude")
    void rangeIncludesVersion(String range, String version, String opts, String unused) {
        Range r = Range.parse(range, options(opts));
        assertThat(r.test(version)).isTrue();
        assertThat(r.toVersionSet().contains(Version.parse(version, true))).isTrue();
    }

    @ParameterizedTest(name = "{0} excludes {1} {2}")
    @MethodSource("rangeExclude")
    void rangeExcludesVersion(String range, String version, String opts, String unused) {
        Optional<Range> r = Range.tryParse(range, options(opts));
        assertThat(r.map(x -> x.test(version)).orElse(false)).isFalse();
        Optional<Version> v = Version.tryParse(version, options(opts).loose());
        if (r.isPresent() && v.isPresent()) {
            assertThat(r.get().toVersionSet().contains(v.get())).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} > {1}")
    @MethodSource("comparisons")
    void compareVersions(String greater, String lesser, String opts, String unused) {
        Version a = Version.parse(greater, opts.contains("loose"));
        Version b = Version.parse(lesser, opts.contains("loose"));
        assertThat(a).isGreaterThan(b);
        assertThat(b).isLessThan(a);
        assertThat(a).isNotEqualTo(b);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @MethodSource("equality")
    void equalVersionsIgnoreBuild(String left, String right, String opts, String unused) {
        Version a = Version.parse(left, opts.contains("loose"));
        Version b = Version.parse(right, opts.contains("loose"));
        assertThat(a).isEqualByComparingTo(b).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @ParameterizedTest(name = "inc({0}, {1}, {2}) = {3}")
    @MethodSource("increments")
    void incrementLikeNodeSemver(String version, String release, String preid, String expected) {
        String actual;
        try {
            actual = Version.tryParse(version, false)
                    .map(v -> v.inc(ReleaseType.parse(release), preid).toString()).orElse("null");
        } catch (SemverException e) {
            actual = "null";
        }
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid version {0}")
    @MethodSource("invalidVersions")
    void rejectInvalidVersion(String text, String a, String b, String c) {
        assertThat(Version.isValid(text, false)).isFalse();
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOfSatisfying(SemverException.class, e -> assertThat(e.code()).isEqualTo("E_INVALID_VERSION"));
    }

    @ParameterizedTest(name = "invalid range {0}")
    @MethodSource("invalidRanges")
    void rejectInvalidRange(String text, String a, String b, String c) {
        assertThatThrownBy(() -> Range.parse(text))
                .isInstanceOfSatisfying(SemverException.class, e -> assertThat(e.code()).isEqualTo("E_INVALID_RANGE"));
    }

    @ParameterizedTest(name = "{0} [{1}] -> {2}")
    @MethodSource("rangeParse")
    void normaliseRangeLikeNodeSemver(String range, String opts, String expected, String unused) {
        // The table holds node-semver's validRange(), which writes the empty (match-all) range as "*".
        String actual = Range.tryParse(range, options(opts)).map(Range::toString).orElse("null");
        assertThat(actual.isEmpty() ? "*" : actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "coerce({0}) [{1}] = {2}")
    @MethodSource("coerce")
    void coerceLikeNodeSemver(String input, String opts, String expected, String unused) {
        assertThat(Version.coerce(input, opts.contains("includePrerelease"), opts.contains("rtl"))
                .map(Version::toString).orElse("null")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @MethodSource("lyra")
    void readLyraInclusiveRanges(String range, String version, String matches, String normalised) {
        Range r = Range.parse(range);
        assertThat(r.test(version)).isEqualTo(Boolean.parseBoolean(matches));
        assertThat(r.toString()).isEqualTo(normalised);
    }
}
