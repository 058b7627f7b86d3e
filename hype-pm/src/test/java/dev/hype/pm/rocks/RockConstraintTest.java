package dev.hype.pm.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RockConstraintTest {
    private static boolean allows(String constraint, String version) {
        return RockConstraint.parse(constraint).toVersionSet().contains(RockVersion.parse(version).toVersion());
    }

    @Test
    void parseEveryOperatorAndCommaJoinedLists() {
        RockConstraint c = RockConstraint.parse(">= 1.0, < 2.0 ~= 1.5 ~> 1");
        assertThat(c.parts()).extracting(p -> p.operator().symbol() + " " + p.version().text())
                .containsExactly(">= 1.0", "< 2.0", "~= 1.5", "~> 1");
        assertThat(RockConstraint.parse("1.14.0-3").parts().getFirst().operator()).isEqualTo(RockConstraint.Operator.EQ);
        assertThat(RockConstraint.parse("= 2").parts().getFirst().operator()).isEqualTo(RockConstraint.Operator.EQ);
        assertThat(RockConstraint.parse("!= 2").parts().getFirst().operator()).isEqualTo(RockConstraint.Operator.NE);
        assertThat(RockConstraint.parse("*").isAny()).isTrue();
        assertThat(RockConstraint.parse("").isAny()).isTrue();
        assertThat(RockConstraint.parse(">= 1.0, < 2.0").toString()).isEqualTo(">= 1.0, < 2.0");
    }

    @Test
    void refuseWhatLuaRocksRefusesNamingTheText() {
        assertThat(RockConstraint.problem("=> 1.0")).hasValueSatisfying(p -> assertThat(p)
                .contains("\"=> 1.0\" is not a LuaRocks version constraint").contains("'=>' is not an operator"));
        assertThat(RockConstraint.problem("^1.0")).isPresent();
        assertThat(RockConstraint.problem(">= 1.0 || 2.0")).isPresent();
        assertThat(RockConstraint.problem("~> 1.0-2")).hasValueSatisfying(p -> assertThat(p)
                .contains("~> with a revision is not supported"));
        assertThat(RockConstraint.problem(">= 1.0, < 2")).isEmpty();
    }

    @Test
    void mapConstraintsOntoTheEncodedVersions() {
        assertThat(allows("~> 1.14", "1.14.0-3")).isTrue();
        assertThat(allows("~> 1.14", "1.14.2-1")).isTrue();
        assertThat(allows("~> 1.14", "1.15.0-1")).isFalse();
        assertThat(allows("~> 1.14", "1.14beta-1")).as("partial match ignores later components").isTrue();
        assertThat(allows(">= 1.0, < 2", "2.0rc1-1")).as("2.0rc1 sorts before 2.0").isTrue();
        assertThat(allows(">= 1.0, < 2", "2-1")).isFalse();
        assertThat(allows("> 1.0", "1.0-9")).as("a revision of 1.0 is not above 1.0").isFalse();
        assertThat(allows("<= 1.0", "1.0-9")).isTrue();
        assertThat(allows(">= 1.0-2", "1.0-1")).isFalse();
        assertThat(allows(">= 1.0-2", "1.0-2")).isTrue();
        assertThat(allows("== 1.0-2", "1.0-3")).isFalse();
        assertThat(allows(">= 1.0", "scm-1")).isTrue();
        assertThat(allows("< 1.0", "dev-1")).isFalse();
        assertThat(RockConstraint.parse("~> 2.1").toVersionSet().toString()).isEqualTo("~> 2.1");
    }

    @Test
    void matchListedVersionsExactlyAsLuaRocksDoes() {
        List<RockVersion> listed = List.of(RockVersion.parse("1.0-1"), RockVersion.parse("1.0.0-1"),
                RockVersion.parse("2.0-1"));
        assertThat(RockConstraint.parse("== 1.0").among(listed).contains(listed.get(0).toVersion())).isTrue();
        assertThat(RockConstraint.parse("== 1.0").among(listed).contains(listed.get(1).toVersion()))
                .as("LuaRocks' == wants the same number of components").isFalse();
        assertThat(RockConstraint.parse("== 1.0").among(listed).toString()).isEqualTo("== 1.0");
    }

    @Test
    void writeTheConstraintAnInstallAdds() {
        assertThat(RockConstraint.defaultFor(RockVersion.parse("1.14.0-3"), false)).isEqualTo("~> 1");
        assertThat(RockConstraint.defaultFor(RockVersion.parse("0.9.2-1"), false)).isEqualTo("~> 0.9");
        assertThat(RockConstraint.defaultFor(RockVersion.parse("0.0.3-1"), false)).isEqualTo("~> 0.0.3");
        assertThat(RockConstraint.defaultFor(RockVersion.parse("scm-1"), false)).isEqualTo(">= scm");
        assertThat(RockConstraint.defaultFor(RockVersion.parse("2.0beta2-1"), false)).isEqualTo(">= 2.0beta2");
        assertThat(RockConstraint.defaultFor(RockVersion.parse("1.14.0-3"), true)).isEqualTo("== 1.14.0-3");
        for (String v : List.of("1.14.0-3", "0.9.2-1", "0.0.3-1", "scm-1", "2.0beta2-1")) {
            assertThat(allows(RockConstraint.defaultFor(RockVersion.parse(v), false), v)).as(v).isTrue();
        }
    }

    @Test
    void versionsShowAsLuaRocksWritesThem() {
        assertThat(RockVersion.parse("1.14.0-3").toVersion().toString()).isEqualTo("1.14.0-3");
        assertThat(RockVersion.parse("scm-1").toVersion()).isGreaterThan(RockVersion.parse("99.0-1").toVersion());
        assertThat(RockVersion.parse("1.0-1").toVersion()).isLessThan(RockVersion.parse("1.0-2").toVersion());
        assertThatThrownBy(() -> RockConstraint.parse("~> 1-1").toVersionSet()).isInstanceOf(RockException.class);
    }
}
