package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the C compiler and the Lua 5.4 headers as a C rock's build does, and what is said when they are missing. */
class CToolchainTest {
    private static final RockPlatform MAC = new RockPlatform("macosx", "aarch64", List.of("unix", "bsd", "macosx"));

    @TempDir
    Path temp;

    private Path executable(String name) throws IOException {
        Path file = temp.resolve("bin").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private Path headers(String folder, String luaH) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(folder));
        Files.writeString(dir.resolve("lua.h"), luaH);
        return dir;
    }

    @Test
    void ccChoosesTheCompilerWithItsFlagsAndOtherwiseThePathIsSearched() throws IOException {
        Path clang = executable("clang");
        String path = clang.getParent().toString();

        assertThat(CToolchain.compiler(Map.of("CC", clang + " -m64 -g", "PATH", "")))
                .contains(List.of(clang.toString(), "-m64", "-g"));
        assertThat(CToolchain.compiler(Map.of("CC", "clang", "PATH", path))).contains(List.of("clang"));
        assertThat(CToolchain.compiler(Map.of("CC", "tcc", "PATH", path))).as("CC names a missing compiler")
                .isEmpty();
        assertThat(CToolchain.compiler(Map.of("CC", "  ", "PATH", path))).as("a blank CC is not set")
                .contains(List.of("clang"));
        assertThat(CToolchain.compiler(Map.of("PATH", ""))).isEmpty();
    }

    @Test
    void theHeadersMustSayLua54InEitherFormOfVersionDefines() throws IOException {
        Path numeric = headers("numeric", """
                #define LUA_VERSION_MAJOR_N	5
                #define LUA_VERSION_MINOR_N	4
                #define LUA_VERSION_RELEASE_N	6
                """);
        Path strings = headers("strings", """
                #define LUA_VERSION_MAJOR	"5"
                #define LUA_VERSION_MINOR	"4"
                #define LUA_VERSION_RELEASE	"4"
                """);
        Path old = headers("old", """
                #define LUA_VERSION_MAJOR	"5"
                #define LUA_VERSION_MINOR	"3"
                #define LUA_VERSION_RELEASE	"6"
                """);

        assertThat(CToolchain.release(numeric.resolve("lua.h"))).isEqualTo("5.4.6");
        assertThat(CToolchain.release(strings.resolve("lua.h"))).isEqualTo("5.4.4");
        assertThat(CToolchain.release(temp.resolve("none/lua.h"))).as("no file").isEmpty();
        assertThat(CToolchain.luaHeaders(Map.of("HYPE_LUA_INCDIR", strings.toString()))).contains(strings);
        assertThat(CToolchain.luaHeaders(Map.of("HYPE_LUA_INCDIR", old.toString()))).as("Lua 5.3's headers")
                .isEmpty();
    }

    @Test
    void theToolchainFoundNamesItsVariablesAndRelease() throws IOException {
        Path cc = executable("cc");
        Path inc = headers("inc", "#define LUA_VERSION_MAJOR_N 5\n#define LUA_VERSION_MINOR_N 4\n"
                + "#define LUA_VERSION_RELEASE_N 7\n");

        CToolchain tools = CToolchain.find(Map.of("PATH", cc.getParent().toString(), "HYPE_LUA_INCDIR", inc.toString()),
                MAC, "rocks:x@1.0-1");

        assertThat(tools.luaRelease()).isEqualTo("5.4.7");
        assertThat(tools.variables()).containsEntry("CC", "cc").containsEntry("LUA_INCDIR", inc.toString())
                .containsEntry("LIBFLAG", "-bundle -undefined dynamic_lookup -all_load")
                .containsEntry("LIB_EXTENSION", "so").containsEntry("LUA_VERSION", "5.4");
    }

    @Test
    void missingToolsAreNamedWithTheInstallCommandOfThePlatform() throws IOException {
        Path cc = executable("cc");

        assertThatThrownBy(() -> CToolchain.find(Map.of("PATH", ""), MAC, "rocks:x@1.0-1"))
                .isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_TOOLCHAIN);
                    assertThat(e.hints()).containsExactly("install one with 'xcode-select --install'",
                            "or set CC to the compiler to use");
                });
        assertThatThrownBy(() -> CToolchain.find(Map.of("PATH", cc.getParent().toString(), "HYPE_LUA_INCDIR",
                temp.resolve("nothing").toString()), MAC, "rocks:x@1.0-1"))
                .isInstanceOfSatisfying(RockException.class, e -> assertThat(e.hints()).containsExactly(
                        "install them with 'brew install lua'",
                        "or set HYPE_LUA_INCDIR to the folder holding Lua 5.4's lua.h"))
                .hasMessageContaining("the Lua 5.4 headers (lua.h for Lua 5.4) were not found in "
                        + temp.resolve("nothing") + " (HYPE_LUA_INCDIR)");
        assertThatThrownBy(() -> CToolchain.find(Map.of(), new RockPlatform("windows", "x86_64",
                List.of("windows", "win32")), "rocks:x@1.0-1")).isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_TOOLCHAIN);
                    assertThat(e.getMessage()).isEqualTo("rocks:x@1.0-1 has C code, and Hype builds C rocks only on"
                            + " Linux, macOS and other Unix systems");
                });
    }
}
