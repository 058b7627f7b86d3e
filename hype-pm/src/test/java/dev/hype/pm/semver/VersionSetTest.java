package dev.hype.pm.semver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionSetTest {
    private static final List<Version> SAMPLE = sample();

    private static List<Version> sample() {
        List<Version> versions = new ArrayList<>();
        for (String v : new String[] {"0.0.0-0", "0.0.0", "0.0.1-alpha", "0.0.1", "0.1.0", "1.0.0-0", "1.0.0-alpha",
            "1.0.0-alpha.0", "1.0.0-beta", "1.0.0", "1.0.1-0", "1.0.1", "1.2.3-pre", "1.2.3", "1.2.4", "1.9.9",
            "2.0.0-0", "2.0.0-rc.1", "2.0.0", "2.0.1", "3.0.0-alpha", "3.0.0", "10.0.0"}) {
            versions.add(Version.parse(v));
        }
        return versions;
    }

    @Test
    void containExactlyWhatTheRangeMatchesAcrossOperations() {
        Random random = new Random(7);
        RandomSemver ranges = new RandomSemver(11);
        for (int i = 0; i < 3000; i++) {
            Range a = randomRange(ranges, random);
            Range b = randomRange(ranges, random);
            VersionSet sa = a.toVersionSet();
            VersionSet sb = b.toVersionSet();
            for (Version v : SAMPLE) {
                assertThat(sa.contains(v)).as("%s contains %s", a, v).isEqualTo(a.test(v));
                assertThat(sa.union(sb).contains(v)).isEqualTo(a.test(v) || b.test(v));
                assertThat(sa.intersection(sb).contains(v)).isEqualTo(a.test(v) && b.test(v));
                assertThat(sa.complement().contains(v)).isEqualTo(!a.test(v));
                assertThat(sa.difference(sb).contains(v)).isEqualTo(a.test(v) && !b.test(v));
            }
            assertThat(sa.complement().complement()).isEqualTo(sa);
            assertThat(sa.intersection(sb).isSubsetOf(sa)).isTrue();
            assertThat(sa.isSubsetOf(sa.union(sb))).isTrue();
            assertThat(sa.union(sa.complement()).isAny()).isTrue();
            assertThat(sa.intersection(sa.complement()).isEmpty()).isTrue();
            assertThat(sa.union(sb)).isEqualTo(sb.union(sa));
        }
    }

    private static Range randomRange(RandomSemver ranges, Random random) {
        while (true) {
            var r = Range.tryParse(ranges.range(), new RangeOptions(false, random.nextInt(3) == 0));
            if (r.isPresent()) {
                return r.get();
            }
        }
    }

    @Test
    void representPrereleaseRuleExactly() {
        VersionSet caret = Range.parse("^1.2.3-beta.2").toVersionSet();
        assertThat(caret.contains(Version.parse("1.2.3-beta.3"))).isTrue();
        assertThat(caret.contains(Version.parse("1.2.3-beta.1"))).isFalse();
        assertThat(caret.contains(Version.parse("1.5.0-alpha"))).isFalse();
        assertThat(caret.contains(Version.parse("1.5.0"))).isTrue();
        assertThat(caret.complement().contains(Version.parse("1.5.0-alpha"))).isTrue();
    }

    @Test
    void treatEmptyGapsAsEmpty() {
        VersionSet gap = VersionSet.above(Version.parse("1.0.0"), false).intersection(VersionSet.below(Version.parse("1.0.1-0"), false));
        assertThat(gap.isEmpty()).isTrue();
        assertThat(VersionSet.none().isEmpty()).isTrue();
        assertThat(VersionSet.any().complement()).isEqualTo(VersionSet.none());
    }

    @Test
    void exactlyHoldsOneVersion() {
        VersionSet one = VersionSet.exactly(Version.parse("1.2.3"));
        assertThat(one.contains(Version.parse("1.2.3+build"))).isTrue();
        assertThat(one.contains(Version.parse("1.2.4"))).isFalse();
        assertThat(one.toString()).isEqualTo("1.2.3");
        assertThat(one.isSubsetOf(Range.parse("^1.0.0").toVersionSet())).isTrue();
    }

    @Test
    void renderComputedSetsAsRanges() {
        VersionSet set = VersionSet.above(Version.parse("1.0.0"), true).intersection(VersionSet.below(Version.parse("2.0.0"), false));
        assertThat(set.toString()).isEqualTo(">=1.0.0 <2.0.0");
        assertThat(VersionSet.below(Version.parse("1.1.0"), false).toString()).isEqualTo("<1.1.0");
        assertThat(VersionSet.any().toString()).isEqualTo("any");
        assertThat(Range.parse("^1.0.0").toVersionSet().toString()).isEqualTo("^1.0.0");
    }
}
