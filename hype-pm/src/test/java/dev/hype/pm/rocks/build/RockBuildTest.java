package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.Rockspec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run LuaRocks' builtin build on sources in a folder: where modules, install tables and directories land, the
 * rockspec mistakes LuaRocks refuses too, and the compiler's command lines (a stand-in compiler records them, so
 * defines, include and library folders and external dependencies are checked without a C toolchain).
 */
class RockBuildTest {
    private static final RockPlatform LINUX = new RockPlatform("linux", "x86_64", List.of("unix", "linux"));
    private static final String LABEL = "rocks:demo@1.0-1";

    @TempDir
    Path temp;

    private Path source;
    private Path output;
    private Path log;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void folders() throws IOException {
        source = Files.createDirectories(temp.resolve("src"));
        output = temp.resolve("out");
        log = temp.resolve("cc.log");
    }

    private void write(String file, String content) throws IOException {
        Path path = source.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static Rockspec spec(String rest) {
        String text = """
                package = "demo"
                version = "1.0-1"
                source = { url = "https://example.invalid/demo-1.0.tar.gz" }
                """ + rest;
        return Rockspec.read(text.getBytes(StandardCharsets.UTF_8), "demo-1.0-1.rockspec", LINUX);
    }

    /**
     * A stand-in compiler: it appends its arguments to the log, one line per run, and writes the file after
     * {@code -o}; with {@code failWith}, it prints that and exits 2 instead.
     */
    private Path compiler(String failWith) throws IOException {
        Path cc = temp.resolve(failWith == null ? "cc" : "failing-cc");
        String body = failWith == null ? """
                #!/bin/sh
                echo "$@" >> '%s'
                out=""; prev=""
                for a in "$@"; do
                  if [ "$prev" = "-o" ]; then out="$a"; fi
                  prev="$a"
                done
                echo object > "$out"
                """.formatted(log) : """
                #!/bin/sh
                cat <<'EOF'
                %s
                EOF
                exit 2
                """.formatted(failWith);
        Files.writeString(cc, body);
        Files.setPosixFilePermissions(cc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return cc;
    }

    private CToolchain tools(Path cc, RockPlatform platform) {
        return new CToolchain(List.of(cc.toString()), Path.of("/opt/lua/include"), "5.4.6", platform);
    }

    private boolean build(Rockspec spec, CToolchain tools) throws IOException {
        return new RockBuild(spec, LABEL, source, output, LINUX, () -> tools, env).run();
    }

    private boolean build(Rockspec spec) throws IOException {
        return build(spec, null);
    }

    private List<String> compilerRuns() throws IOException {
        return Files.readAllLines(log);
    }

    private static void assertBuildError(ThrowingBuild build, String... parts) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(RockException.class, e -> {
            assertThat(e.code()).isEqualTo(RockException.E_ROCK_BUILD);
            assertThat(e.getMessage()).startsWith("cannot build " + LABEL + ": ");
            for (String part : parts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    /** A build that may throw. */
    private interface ThrowingBuild {
        void run() throws Exception;
    }

    @Test
    void luaModulesLandByModulePathAndInitFilesStayInit() throws IOException {
        write("src/demo.lua", "return 'demo'\n");
        write("src/demo/util/init.lua", "return 'util'\n");
        write("src/other.lua", "return 'renamed'\n");
        write("README.md", "# demo\n");
        write("LICENSE", "MIT\n");
        write("notes.txt", "not a doc\n");

        boolean compiled = build(spec("""
                build = { type = "builtin", modules = { demo = "src/demo.lua", ["demo.util"] = "src/demo/util/init.lua",
                  ["demo.short"] = "src/other.lua" } }
                """));

        assertThat(compiled).isFalse();
        assertThat(output.resolve("lua/demo.lua")).content().isEqualTo("return 'demo'\n");
        assertThat(output.resolve("lua/demo/util/init.lua")).content().isEqualTo("return 'util'\n");
        assertThat(output.resolve("lua/demo/short.lua")).content().isEqualTo("return 'renamed'\n");
        assertThat(output.resolve("doc/README.md")).as("docs are copied when no directory is").exists();
        assertThat(output.resolve("doc/LICENSE")).exists();
        assertThat(output.resolve("doc/notes.txt")).doesNotExist();
    }

    @Test
    void theInstallTablesPlaceFilesByModuleNameOrRelativePath() throws IOException {
        write("lua/helper.lua", "return 'h'\n");
        write("extra/deep.lua", "return 'deep'\n");
        write("scripts/tool", "#!/usr/bin/env lua\n");
        write("scripts/second", "#!/usr/bin/env lua\n");
        write("conf/demo.conf", "x = 1\n");
        write("prebuilt/fast.so", "binary\n");

        build(spec("""
                build = { type = "none", install = {
                  lua = { ["demo.deep.mod"] = "extra/deep.lua", "lua/helper.lua" },
                  lib = { ["demo.fast"] = "prebuilt/fast.so" },
                  bin = { "scripts/tool", ["renamed-tool"] = "scripts/second" },
                  conf = { ["etc/demo.conf"] = "conf/demo.conf" } } }
                """));

        assertThat(output.resolve("lua/demo/deep/mod.lua")).content().isEqualTo("return 'deep'\n");
        assertThat(output.resolve("lua/helper.lua")).as("an array entry keeps its file name").exists();
        assertThat(output.resolve("lib/demo/fast.so")).as("a library keeps its own file name").exists();
        assertThat(output.resolve("bin/tool")).exists();
        assertThat(output.resolve("bin/renamed-tool")).content().isEqualTo("#!/usr/bin/env lua\n");
        assertThat(output.resolve("conf/etc/demo.conf")).content().isEqualTo("x = 1\n");
    }

    @Test
    void copyDirectoriesCopiesWhatItNamesAndRefusesWhatIsMissing() throws IOException {
        write("demo.lua", "return 1\n");
        write("samples/one.lua", "print(1)\n");
        write("README", "read me\n");

        build(spec("""
                build = { type = "builtin", modules = { demo = "demo.lua" }, copy_directories = { "samples" } }
                """));
        assertThat(output.resolve("samples/one.lua")).exists();
        assertThat(output.resolve("doc")).as("a copied directory replaces the default docs").doesNotExist();

        assertBuildError(() -> build(spec("""
                build = { type = "builtin", modules = { demo = "demo.lua" }, copy_directories = { "tests" } }
                """)), "build.copy_directories names 'tests', which the source does not have");
        assertBuildError(() -> build(spec("""
                build = { type = "builtin", modules = { demo = "demo.lua" }, copy_directories = { "../up" } }
                """)), "build.copy_directories names '../up', which is not a path inside the rock's source");
        assertBuildError(() -> build(spec("""
                build = { type = "builtin", modules = { demo = "demo.lua" }, copy_directories = 5 }
                """)), "build.copy_directories must be a list of strings");
    }

    @Test
    void extraFilesAreWrittenIntoTheSourcesBeforeTheBuild() throws IOException {
        build(spec("""
                build = { type = "builtin", extra_files = { ["gen/version.lua"] = "return '1.0'\\n" },
                  modules = { ["demo.version"] = "gen/version.lua" } }
                """));

        assertThat(output.resolve("lua/demo/version.lua")).content().isEqualTo("return '1.0'\n");
        assertBuildError(() -> build(spec("""
                build = { type = "none", extra_files = { ["/etc/passwd"] = "x" } }
                """)), "build.extra_files names '/etc/passwd', which is not a path inside the rock's source");
    }

    @Test
    void rockspecMistakesAreRefusedNamingTheField() throws IOException {
        write("demo.lua", "return 1\n");

        assertBuildError(() -> build(spec("build = { modules = { demo = 'demo.lua' } }\n")),
                "its rockspec has no build.type (required before rockspec_format 3.0)");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { demo = 'demo.lua' },"
                + " patches = { ['fix.diff'] = '--- a\\n+++ b\\n' } }\n")), "applies build.patches");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = 'demo.lua' }\n")),
                "its build.modules is not a table of module names");
        assertBuildError(() -> build(spec("build = { type = 'builtin' }\n")), "its rockspec has no build.modules table");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { demo = 42 } }\n")),
                "build.modules.demo is neither a file name nor a table of C sources");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { ['demo..x'] = 'demo.lua' } }\n")),
                "build.modules names a module 'demo..x', which is not a Lua module name");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { demo = 'missing.lua' } }\n")),
                "build.modules.demo names 'missing.lua', which the source does not have");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { demo = '../demo.lua' } }\n")),
                "build.modules.demo names '../demo.lua', which is not a path inside the rock's source");
        assertBuildError(() -> build(spec("build = { type = 'none', install = { bin = { ['../x'] = 'demo.lua' } } }\n")),
                "build.install.bin names '../x', which is not a path inside the rock's source");
        assertBuildError(() -> build(spec("build = { type = 'none', install = { lua = { ['a/b'] = 'demo.lua' } } }\n")),
                "build.install.lua names a module 'a/b', which is not a Lua module name");
        assertThatThrownBy(() -> build(spec("build = { type = 'cmake' }\n"))).isInstanceOfSatisfying(
                RockException.class, e -> assertThat(e.hints()).anyMatch(h -> h.contains("vendor the module")))
                .hasMessageContaining("build type is 'cmake'");
    }

    @Test
    void cModulesCompileWithTheirDefinesIncludeFoldersAndLibraries() throws IOException {
        write("src/core.c", "int luaopen_demo_core(void *L) { return 0; }\n");
        write("src/extra.c", "int helper;\n");
        Path cc = compiler(null);

        boolean compiled = build(spec("""
                build = { type = "builtin", modules = {
                  ["demo.core"] = { sources = { "src/core.c", "src/extra.c" }, defines = { "LEVEL=$(LUA_VERSION)",
                    "EMPTY=$(NO_SUCH_VARIABLE)" }, incdirs = { "include", "$(LUA_INCDIR)/extra" },
                    libdirs = "/opt/lib", libraries = { "m", "z" } },
                  ["demo.short"] = "src/extra.c",
                  ["demo.listed"] = { "src/core.c" } } }
                """), tools(cc, LINUX));

        assertThat(compiled).isTrue();
        assertThat(output.resolve("lib/demo/core.so")).exists();
        assertThat(output.resolve("lib/demo/short.so")).exists();
        assertThat(output.resolve("lib/demo/listed.so")).exists();
        List<String> runs = compilerRuns();
        assertThat(runs).contains("-O2 -fPIC -I/opt/lua/include -c src/core.c -o src/core.o -DLEVEL=5.4 -DEMPTY="
                + " -Iinclude -I/opt/lua/include/extra");
        assertThat(runs).contains("-shared -o demo/core.so src/core.o src/extra.o -L/opt/lib -Wl,-rpath,/opt/lib -lm"
                + " -lz");
        assertThat(runs).contains("-shared -o demo/short.so src/extra.o");
    }

    @Test
    void aCModuleWithoutSourcesOrWithAMissingOneIsRefused() throws IOException {
        Path cc = compiler(null);

        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { ['demo.core'] = { sources = {} } } }\n"),
                tools(cc, LINUX)), "build.modules.demo.core lists no C sources");
        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { ['demo.core'] = 'gone.c' } }\n"),
                tools(cc, LINUX)), "build.modules.demo.core names 'gone.c', which the source does not have");
    }

    @Test
    void aCompilerFailureShowsTheCommandAndTheCompilersMessages() throws IOException {
        write("src/core.c", "#include <missing.h>\n");
        Path cc = compiler("src/core.c:1:10: fatal error: missing.h: No such file or directory");

        assertThatThrownBy(() -> build(spec("build = { type = 'builtin', modules = { ['demo.core'] = 'src/core.c' } }\n"),
                tools(cc, LINUX))).isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_BUILD);
                    assertThat(e.getMessage()).startsWith("cannot build " + LABEL + ": compiling src/core.c failed"
                            + " (exit 2): " + cc + " -O2 -fPIC -I/opt/lua/include -c src/core.c -o src/core.o")
                            .endsWith("\nsrc/core.c:1:10: fatal error: missing.h: No such file or directory");
                    assertThat(e.hints()).anyMatch(h -> h.contains("missing development package"));
                });
        assertThat(output.resolve("lib")).doesNotExist();
    }

    @Test
    void aLongCompilerOutputKeepsItsEnd() throws IOException {
        write("src/core.c", "x\n");
        Path cc = compiler("first line\n" + "error: too many errors\n".repeat(300) + "last line");

        assertThatThrownBy(() -> build(spec("build = { type = 'builtin', modules = { ['demo.core'] = 'src/core.c' } }\n"),
                tools(cc, LINUX))).hasMessageContaining("failed (exit 2)").hasMessageEndingWith("last line")
                .hasMessageContaining("\n...").hasMessageNotContaining("first line");
    }

    @Test
    void aCompilerThatCannotStartIsReported() throws IOException {
        write("src/core.c", "x\n");
        CToolchain missing = new CToolchain(List.of(temp.resolve("no-such-cc").toString()), Path.of("/opt/lua/include"),
                "5.4.6", LINUX);

        assertBuildError(() -> build(spec("build = { type = 'builtin', modules = { ['demo.core'] = 'src/core.c' } }\n"),
                missing), "compiling src/core.c: ", "no-such-cc");
    }

    @Test
    void macOsModulesAreLinkedAsBundlesWithoutRpath() throws IOException {
        write("core.c", "x\n");
        Path cc = compiler(null);
        RockPlatform mac = new RockPlatform("macosx", "aarch64", List.of("unix", "bsd", "macosx"));

        new RockBuild(spec("build = { type = 'builtin', modules = { core = { sources = 'core.c', libdirs = '/l' } } }\n"),
                LABEL, source, output, mac, () -> tools(cc, mac), env).run();

        assertThat(compilerRuns()).contains("-bundle -undefined dynamic_lookup -all_load -o core.so core.o -L/l");
    }

    @Test
    void format3FindsModulesByLookingAndInstallsItsScripts() throws IOException {
        write("src/demo/init.lua", "return 'demo'\n");
        write("src/demo/util.lua", "return 'util'\n");
        write("src/demo/fast.c", "int luaopen_demo_fast(void *L) { return 0; }\n");
        write("src/plain.c", "static int nothing;\n");
        write("src/spec/demo_spec.lua", "-- a test\n");
        write("src/test.lua", "-- a test\n");
        write("bin/demo-tool", "#!/usr/bin/env lua\n");
        Path cc = compiler(null);

        boolean compiled = build(spec("rockspec_format = \"3.0\"\n"), tools(cc, LINUX));

        assertThat(compiled).isTrue();
        assertThat(output.resolve("lua/demo/init.lua")).content().isEqualTo("return 'demo'\n");
        assertThat(output.resolve("lua/demo/util.lua")).exists();
        assertThat(output.resolve("lua/spec")).as("spec/ is not a module").doesNotExist();
        assertThat(output.resolve("lua/test.lua")).doesNotExist();
        assertThat(output.resolve("lib/demo_fast.so")).as("named after its luaopen_ function").exists();
        assertThat(output.resolve("lib/plain.so")).as("named after its file").exists();
        assertThat(output.resolve("bin/demo-tool")).exists();
    }

    @Test
    void externalDependenciesAreFoundUnderTheirDirAndNamedInFlags() throws IOException {
        Path prefix = temp.resolve("prefix");
        Files.createDirectories(prefix.resolve("include"));
        Files.writeString(prefix.resolve("include/zlib.h"), "");
        Files.createDirectories(prefix.resolve("lib/x86_64-linux-gnu"));
        Files.writeString(prefix.resolve("lib/x86_64-linux-gnu/libz.so"), "");
        env.put("ZLIB_DIR", prefix.toString());
        write("z.c", "x\n");
        Path cc = compiler(null);

        build(spec("""
                external_dependencies = { ZLIB = { header = "zlib.h", library = "z" } }
                build = { type = "builtin", modules = { ["demo.z"] = { sources = "z.c", incdirs = "$(ZLIB_INCDIR)",
                  libdirs = "$(ZLIB_LIBDIR)", libraries = "z" } } }
                """), tools(cc, LINUX));

        assertThat(compilerRuns()).anyMatch(l -> l.endsWith("-c z.c -o z.o -I" + prefix.resolve("include")))
                .anyMatch(l -> l.contains("-L" + prefix.resolve("lib/x86_64-linux-gnu") + " -Wl,-rpath,"));
    }

    @Test
    void aMissingExternalDependencyNamesTheLibraryAndWhereItLooked() throws IOException {
        env.put("NOPE_DIR", temp.resolve("empty").toString());
        write("n.c", "x\n");
        Path cc = compiler(null);

        assertThatThrownBy(() -> build(spec("""
                external_dependencies = { NOPE = { header = "nope.h", library = "nope" } }
                build = { type = "builtin", modules = { n = "n.c" } }
                """), tools(cc, LINUX))).isInstanceOfSatisfying(RockException.class, e -> {
                    assertThat(e.code()).isEqualTo(RockException.E_ROCK_TOOLCHAIN);
                    assertThat(e.getMessage()).isEqualTo("cannot build " + LABEL + ": it needs the C library NOPE"
                            + " (header nope.h, library nope), which was not found under " + temp.resolve("empty"));
                    assertThat(e.hints()).contains("install its development package (on Debian and Ubuntu usually"
                            + " libnope-dev)", "or set NOPE_DIR (or NOPE_INCDIR and NOPE_LIBDIR) to where it is");
                });
    }

    @Test
    void externalDependencyFoldersCanBeNamedOneByOne() throws IOException {
        Path inc = Files.createDirectories(temp.resolve("inc"));
        Files.writeString(inc.resolve("only.h"), "");
        Path prefix = Files.createDirectories(temp.resolve("p"));
        Files.createDirectories(prefix.resolve("lib64"));
        Files.writeString(prefix.resolve("lib64/libsolo.a"), "");

        Map<String, String> headerOnly = ExternalDependency.find("ONLY", object("header", "only.h"),
                Map.of("ONLY_INCDIR", inc.toString(), "ONLY_LIBDIR", "/custom/lib"), LINUX, LABEL);
        Map<String, String> libraryOnly = ExternalDependency.find("SOLO", object("library", "solo"),
                Map.of("SOLO_DIR", prefix.toString()), LINUX, LABEL);

        assertThat(headerOnly).containsEntry("ONLY_INCDIR", inc.toString()).containsEntry("ONLY_LIBDIR", "/custom/lib");
        assertThat(libraryOnly).containsEntry("SOLO_LIBDIR", prefix.resolve("lib64").toString())
                .containsEntry("SOLO_BINDIR", prefix.resolve("bin").toString())
                .containsEntry("SOLO_INCDIR", prefix.resolve("include").toString());
        assertThatThrownBy(() -> ExternalDependency.find("GONE", object("library", "gone"),
                Map.of("GONE_DIR", prefix.toString()), LINUX, LABEL)).hasMessageContaining("(library gone)")
                .satisfies(e -> assertThat(((RockException) e).hints()).anyMatch(h -> h.contains("libgone-dev")));
        assertThatThrownBy(() -> ExternalDependency.find("HDR", object("header", "hdr.h"), Map.of(),
                new RockPlatform("macosx", "aarch64", List.of("unix", "macosx")), LABEL))
                .hasMessageContaining("(header hdr.h), which was not found under /opt/homebrew, /usr/local, /usr, /")
                .satisfies(e -> assertThat(((RockException) e).hints()).anyMatch(h -> h.contains("libhdr-dev")));
    }

    private static com.fasterxml.jackson.databind.JsonNode object(String field, String value) {
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put(field, value);
    }
}
