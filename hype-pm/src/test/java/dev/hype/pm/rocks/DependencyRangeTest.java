package dev.hype.pm.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.SemverException;
import dev.hype.pm.semver.Version;
import org.junit.jupiter.api.Test;

class DependencyRangeTest {

    @Test
    void giveTheRangesVersionSetAgainWhenAskedAgain() {
        var first = DependencyRange.parse("a-lib", "^1.2.3 || 3.x");
        var again = DependencyRange.parse("b-lib", "^1.2.3 || 3.x");
        assertThat(again).isSameAs(first).isEqualTo(Range.parse("^1.2.3 || 3.x").toVersionSet());
        assertThat(again.toString()).isEqualTo(Range.parse("^1.2.3 || 3.x").toVersionSet().toString());
        assertThat(again.contains(Version.parse("3.9.0"))).isTrue();
        assertThat(again.contains(Version.parse("2.0.0"))).isFalse();
    }

    @Test
    void rejectAnInvalidRangeEachTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> DependencyRange.parse("a-lib", "^1.x.y")).isInstanceOf(SemverException.class)
                    .hasMessage("invalid version range: \"^1.x.y\"");
        }
    }

    @Test
    void readARocksConstraintWithLuaRocksGrammar() {
        assertThat(DependencyRange.parse("rocks:lpeg", "~> 1.1").contains(RockVersion.parse("1.1.5-1").toVersion()))
                .isTrue();
        assertThat(DependencyRange.parse("rocks:lpeg", "~> 1.1").contains(RockVersion.parse("1.2-1").toVersion()))
                .isFalse();
        assertThat(DependencyRange.parse("rocks:lpeg", "~> 1.1")).hasToString("~> 1.1");
    }
}
