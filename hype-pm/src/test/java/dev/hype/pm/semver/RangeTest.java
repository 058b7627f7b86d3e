package dev.hype.pm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void exposeComparatorSetsAndRawText() {
        Range range = Range.parse("  ^1.2.3   ||  ~2.0 ");
        assertThat(range.raw()).isEqualTo("^1.2.3 || ~2.0");
        assertThat(range.comparatorSets()).hasSize(2);
        assertThat(range.comparatorSets().getFirst()).extracting(Comparator::toString).containsExactly(">=1.2.3", "<2.0.0-0");
        assertThat(range.toString()).isEqualTo(">=1.2.3 <2.0.0-0||>=2.0.0 <2.1.0-0");
    }

    @Test
    void testVersionsWithThePrereleaseRule() {
        assertThat(Range.parse("^1.2.3").test("1.5.0")).isTrue();
        assertThat(Range.parse("^1.2.3").test("1.5.0-beta")).isFalse();
        assertThat(Range.parse("^1.2.3", new RangeOptions(false, true)).test("1.5.0-beta")).isTrue();
        assertThat(Range.parse(">=1.2.3-alpha <1.2.4").test("1.2.3-beta")).isTrue();
        assertThat(Range.parse("*").test("not a version")).isFalse();
    }

    @Test
    void listAndPickSatisfyingVersions() {
        var versions = java.util.List.of(Version.parse("2.0.0"), Version.parse("1.2.0"), Version.parse("1.3.0-beta"),
                Version.parse("1.9.1"));
        assertThat(Range.parse("^1.0.0").satisfying(versions)).extracting(Version::toString).containsExactly("1.2.0", "1.9.1");
        assertThat(Range.parse("^1.0.0").maxSatisfying(versions)).hasValue(Version.parse("1.9.1"));
        assertThat(Range.parse("^3.0.0").maxSatisfying(versions)).isEmpty();
    }

    @Test
    void readLooseRangesOnlyWhenAsked() {
        assertThat(Range.tryParse(">=01.02.03", RangeOptions.DEFAULT)).isEmpty();
        assertThat(Range.parse(">=01.02.03", new RangeOptions(true, false)).toString()).isEqualTo(">=1.2.3");
    }

    @Test
    void rejectInvalidRangesWithTheirText() {
        assertThatThrownBy(() -> Range.parse("^1.x.y")).isInstanceOf(SemverException.class)
                .hasMessage("invalid version range: \"^1.x.y\"");
    }

    @Test
    void incrementAndCoerce() {
        assertThat(Version.parse("1.2.3").inc(ReleaseType.PREMINOR, "rc")).hasToString("1.3.0-rc.0");
        assertThat(Version.parse("1.2.3-rc.0").inc(ReleaseType.PRERELEASE, "rc")).hasToString("1.2.3-rc.1");
        assertThat(Version.coerce("release 42.6")).hasValueSatisfying(v -> assertThat(v).hasToString("42.6.0"));
        assertThatThrownBy(() -> Version.parse("1.2.3").inc(ReleaseType.PRERELEASE, "bad..id"))
                .isInstanceOfSatisfying(SemverException.class, e -> assertThat(e.code()).isEqualTo("E_INVALID_INCREMENT"));
    }
}
