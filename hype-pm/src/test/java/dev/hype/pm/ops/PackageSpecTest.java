package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import org.junit.jupiter.api.Test;

class PackageSpecTest {
    @Test
    void namesRangesAndTagsAreToldApartAsNpmDoes() {
        assertThat(PackageSpec.parse("a-lib")).extracting(PackageSpec::name, PackageSpec::kind)
                .containsExactly("a-lib", PackageSpec.Kind.ANY);
        assertThat(PackageSpec.parse("a-lib@^1.2")).extracting(PackageSpec::kind, PackageSpec::range)
                .containsExactly(PackageSpec.Kind.RANGE, "^1.2");
        assertThat(PackageSpec.parse("a-lib@1.0.0").kind()).isEqualTo(PackageSpec.Kind.RANGE);
        assertThat(PackageSpec.parse("a-lib@latest")).extracting(PackageSpec::kind, PackageSpec::tag)
                .containsExactly(PackageSpec.Kind.TAG, "latest");
        assertThat(PackageSpec.parse("@acme/log@next")).extracting(PackageSpec::name, PackageSpec::tag)
                .containsExactly("@acme/log", "next");
        assertThat(PackageSpec.parse("@acme/log")).extracting(PackageSpec::name, PackageSpec::kind)
                .containsExactly("@acme/log", PackageSpec.Kind.ANY);
    }

    @Test
    void badArgumentsAreBlamedOnTheArgumentNotOnAFile() {
        assertThatThrownBy(() -> PackageSpec.parse("a-lib@"))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(PackageSpec.E_BAD_SPEC);
                    assertThat(e.getMessage()).isEqualTo("invalid package argument 'a-lib@': nothing follows the '@'");
                    assertThat(e.hints().getFirst()).contains("a-lib@latest");
                });
        assertThatThrownBy(() -> PackageSpec.parse("Bad Name"))
                .hasMessage("argument 'Bad Name': invalid package name \"Bad Name\": a package name must be lower case");
        assertThatThrownBy(() -> PackageSpec.parse("a-lib@^^1!"))
                .hasMessageContaining("'^^1!' is neither a version range nor a dist-tag")
                .hasMessageNotContaining("hype.json");
        assertThatThrownBy(() -> PackageSpec.parse("@1.0.0")).hasMessageContaining("invalid package name");
        assertThatThrownBy(() -> PackageSpec.parse("")).hasMessageContaining("names no package");
    }

    @Test
    void aRockTakesLuaRocksConstraintsNotRangesOrTags() {
        assertThat(PackageSpec.parse("rocks:penlight@>= 1.13, < 2")).extracting(PackageSpec::name, PackageSpec::range)
                .containsExactly("rocks:penlight", ">= 1.13, < 2");
        assertThat(PackageSpec.parse("rocks:lpeg@scm-1")).extracting(PackageSpec::kind, PackageSpec::range)
                .as("a word version, not a dist-tag").containsExactly(PackageSpec.Kind.RANGE, "scm-1");
        assertThat(PackageSpec.parse("rocks:penlight@~> 1.14").range()).isEqualTo("~> 1.14");
        assertThatThrownBy(() -> PackageSpec.parse("rocks:penlight@^1.14"))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(PackageSpec.E_BAD_SPEC);
                    assertThat(e.getMessage()).startsWith("invalid package argument 'rocks:penlight@^1.14': ")
                            .contains("not a LuaRocks version constraint");
                    assertThat(e.hints().getFirst()).contains("~> 1.14");
                });
    }
}
