package dev.hype.pm.rocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RockspecTest {
    private static final RockPlatform LINUX = new RockPlatform("linux", "x86_64", List.of("unix", "linux"));
    private static final RockPlatform MAC = new RockPlatform("macosx", "aarch64", List.of("unix", "bsd", "macosx"));

    private static Rockspec read(String text, RockPlatform platform) {
        return Rockspec.read(text.getBytes(StandardCharsets.UTF_8), "x-1.0-1.rockspec", platform);
    }

    @Test
    void readARockspecAsLuaRocksRunsIt() {
        Rockspec spec = read("""
                local name = "Pen" .. "Light"
                package = name
                version = ("1.0"):rep(1) .. "-1"
                rockspec_format = "3.0"
                source = { url = "git+https://example/" .. name:lower() .. ".git" }
                description = { summary = "Utilities", license = "MIT" }
                dependencies = { "lua >= 5.1", "luafilesystem" }
                build = { type = "builtin", modules = { pl = "lua/pl/init.lua" } }
                """, LINUX);
        assertThat(spec.name()).isEqualTo("penlight");
        assertThat(spec.version()).isEqualTo("1.0-1");
        assertThat(spec.dependencies()).containsExactly("lua >= 5.1", "luafilesystem");
        assertThat(spec.formatAtLeast("3.0")).isTrue();
        assertThat(spec.description("summary")).isEqualTo("Utilities");
        assertThat(spec.build().path("modules").path("pl").asText()).isEqualTo("lua/pl/init.lua");
        assertThat(spec.fileName()).isEqualTo("penlight-1.0-1.rockspec");
    }

    @Test
    void applyThePlatformOverridesOfThisMachine() {
        String text = """
                package = "sock"
                version = "3.0-1"
                source = { url = "https://example/sock-3.0.tar.gz" }
                dependencies = { "lua >= 5.1", platforms = { macosx = { "extra-mac" } } }
                build = { type = "builtin", modules = { ["sock.core"] = { sources = { "core.c" } } },
                  platforms = { unix = { modules = { ["sock.unix"] = "unix.c" } },
                                linux = { modules = { ["sock.core"] = { defines = { "LINUX" } } } },
                                windows = { modules = { ["sock.win"] = "win.c" } } } }
                """;
        Rockspec linux = read(text, LINUX);
        assertThat(linux.build().path("modules").has("sock.unix")).isTrue();
        assertThat(linux.build().path("modules").has("sock.win")).isFalse();
        assertThat(linux.build().path("modules").path("sock.core").path("defines").get(0).asText()).isEqualTo("LINUX");
        assertThat(linux.build().path("modules").path("sock.core").path("sources").get(0).asText()).isEqualTo("core.c");
        assertThat(linux.build().has("platforms")).isFalse();
        assertThat(linux.dependencies()).containsExactly("lua >= 5.1");
        assertThat(read(text, MAC).dependencies()).as("deep-merged by index, as LuaRocks does")
                .containsExactly("extra-mac");
    }

    @Test
    void refuseRockspecsThatAreNotValidOrDoNotEnd() {
        assertThatThrownBy(() -> read("package = ", LINUX)).isInstanceOf(RockException.class)
                .hasMessageContaining("cannot read x-1.0-1.rockspec: it is not valid Lua");
        assertThatThrownBy(() -> read("package = 'x' version = '1.0-1' local boom = nil + 1", LINUX))
                .hasMessageContaining("it fails when run").hasMessageContaining("x-1.0-1.rockspec:1:");
        assertThatThrownBy(() -> read("while true do end", LINUX)).hasMessageContaining("took too long to run");
        assertThatThrownBy(() -> read("package = 'x' version = '1.0-1' local s = ('x'):rep(1 << 20) "
                + "local t = {} for i = 1, 1e9 do t[i] = s .. i end", LINUX)).isInstanceOf(RockException.class);
        assertThatThrownBy(() -> read("package = 'x' version = '1.0'", LINUX))
                .hasMessageContaining("version \"1.0\" is not VERSION-REVISION");
        assertThatThrownBy(() -> read("version = '1.0-1'", LINUX)).hasMessageContaining("no \"package\" string");
        assertThatThrownBy(() -> read("package = 'x' version = '1.0-1' print('x')", LINUX))
                .as("a rockspec reaches no library").hasMessageContaining("fails when run");
        assertThatThrownBy(() -> read("package = 'x' version = '1.0-1' dependencies = { 3 }", LINUX))
                .hasMessageContaining("dependencies must be strings");
    }

    @Test
    void readDependencyStringsAsLuaRocksDoes() {
        RockDependency dep = RockDependency.parse("LuaFileSystem >= 1.6.0, < 2", "x.rockspec");
        assertThat(dep.rock()).isEqualTo("luafilesystem");
        assertThat(dep.constraint().text()).isEqualTo(">= 1.6.0, < 2");
        assertThat(RockDependency.parse("argparse", "x.rockspec").constraint().isAny()).isTrue();
        assertThatThrownBy(() -> RockDependency.parse("user/rock >= 1", "x.rockspec"))
                .hasMessageContaining("names a LuaRocks namespace");
        assertThatThrownBy(() -> RockDependency.parse("rock >> 1", "x.rockspec"))
                .hasMessageContaining("x.rockspec: dependency \"rock >> 1\"");
    }

    @Test
    void dependencyListsAndNamesThatLuaRocksWouldNotReadAreNamed() {
        assertThatThrownBy(() -> read("package = 'x' version = '1.0-1' dependencies = 'lua >= 5.1'", LINUX))
                .isInstanceOfSatisfying(RockException.class, e -> assertThat(e.code()).isEqualTo(RockException.E_ROCKSPEC))
                .hasMessage("x-1.0-1.rockspec is not a valid rockspec: dependencies must be a list of strings");
        assertThatThrownBy(() -> RockDependency.parse("", "x.rockspec"))
                .hasMessage("x.rockspec: dependency \"\" is not a rock name followed by version constraints");
        assertThat(RockDependency.parse("LPeg == 1.1.0", "x.rockspec")).hasToString("lpeg == 1.1.0");
        assertThat(RockDependency.parse("lpeg ~> 1.1", "x.rockspec")).hasToString("lpeg ~> 1.1");
        assertThat(RockDependency.parse("lpeg", "x.rockspec")).hasToString("lpeg");
        assertThat(RockName.problem("rocks:")).contains("the rock name after \"rocks:\" is empty");
        assertThat(RockName.problem("rocks:" + "a".repeat(300))).hasValueSatisfying(p -> assertThat(p)
                .startsWith("a rock name must be at most "));
    }
}
