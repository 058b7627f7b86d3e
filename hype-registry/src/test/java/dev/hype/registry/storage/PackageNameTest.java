package dev.hype.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageNameTest {

    @Test
    void parsePlainAndScopedNames() {
        assertThat(PackageName.parse("lua-json")).isEqualTo(new PackageName(null, "lua-json"));
        PackageName scoped = PackageName.parse("@team/tool");
        assertThat(scoped.scoped()).isTrue();
        assertThat(scoped.scope()).isEqualTo("team");
        assertThat(scoped.bare()).isEqualTo("tool");
        assertThat(scoped).hasToString("@team/tool");
    }

    @Test
    void nameTarballsAfterTheBareNameLikeNpm() {
        assertThat(PackageName.parse("@team/tool").tarballFileName("1.0.0")).isEqualTo("tool-1.0.0.tgz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".hidden", "_private", "UPPER", "a/b", "@team", "@/x", "@team/../x", "has space",
        "node_modules", "-", "a\\b"})
    void rejectNamesThatAreInvalidOrUnsafeAsPaths(String name) {
        assertThatThrownBy(() -> PackageName.parse(name)).isInstanceOf(StorageException.class)
            .hasMessageContaining("invalid package name");
    }

    @Test
    void rejectNamesLongerThanNpmAllows() {
        assertThatThrownBy(() -> PackageName.parse("a".repeat(215))).hasMessageContaining("214");
    }
}
