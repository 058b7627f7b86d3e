package dev.hype.pm.rocks.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.LuaRocksServer;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.server.RockDists;
import dev.hype.pm.rocks.server.RockFetcher;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.rocks.server.RocksConfig;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import dev.hype.pm.store.TarballFetcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check and build rocks from a real LuaRocks server into the store: C modules, refusals, tampering. */
class RockPreparerTest {
    private static final String C_SOURCE = """
            #include "lua.h"
            #include "lauxlib.h"
            static int add(lua_State *L) {
              lua_pushinteger(L, luaL_checkinteger(L, 1) + luaL_checkinteger(L, 2) + OFFSET);
              return 1;
            }
            int luaopen_calc_core(lua_State *L) {
              lua_newtable(L);
              lua_pushcfunction(L, add);
              lua_setfield(L, -2, "add");
              return 1;
            }
            """;

    @TempDir
    static Path shared;

    private static LuaRocksServer server;
    private static URI url;

    @TempDir
    Path temp;

    @BeforeAll
    static void publish() {
        server = LuaRocksServer.create(shared);
        server.rock("calc", "1.0-1").file("src/calc.c", C_SOURCE).file("include/calc_config.h", "#define X 1\n")
                .cModule("calc.core", "{ sources = { \"src/calc.c\" }, defines = { \"OFFSET=100\" },"
                        + " incdirs = { \"include\" } }")
                .module("calc", "calc.lua", "return require('calc.core')\n").publish();
        server.rock("made", "1.0-1").file("Makefile", "all:\n").build("{ type = \"make\" }").publish();
        server.rock("pure", "2.1-1").module("pure", "pure.lua", "return 'pure'\n").binary().publish();
        server.rock("checked", "1.0-1").module("checked", "checked.lua", "return 1\n").publish();
        gitRepository = LuaRocksServer.onPath("git") ? gitRock() : null;
        server.manifest();
        url = server.start();
    }

    private static Path gitRepository;

    /** Publish a rock whose rockspec names a git repository: luarocks pack puts the checkout in the rock. */
    private static Path gitRock() {
        Path repo = shared.resolve("git/fromgit");
        try {
            Files.createDirectories(repo.resolve("src/fromgit"));
            Files.writeString(repo.resolve("src/fromgit/init.lua"), "return 'from git'\n");
            Files.writeString(repo.resolve("src/fromgit/util.lua"), "return 'util'\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        LuaRocksServer.run(repo, "git", "init", "-q");
        LuaRocksServer.run(repo, "git", "add", "-A");
        LuaRocksServer.run(repo, "git", "-c", "user.email=t@example", "-c", "user.name=t", "commit", "-qm", "init");
        LuaRocksServer.run(repo, "git", "tag", "v2.0");
        server.publishRockspec("fromgit", "2.0-1", """
                rockspec_format = "3.0"
                package = "fromgit"
                version = "2.0-1"
                source = { url = "git+%s", tag = "v2.0" }
                """.formatted(repo.toUri()), false);
        return repo;
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RockRepository repository() {
        return new RockRepository(new RocksConfig(List.of(url), Map.of()),
                new ClientOptions(null, Duration.ofSeconds(5), Duration.ofSeconds(30), 1, Duration.ofMillis(10)),
                RockPlatform.current());
    }

    private static PackageRef ref(RockRepository repository, String rock, String version) {
        return new RockDists(repository).locate("rocks:" + rock, RockVersion.parse(version).toVersion());
    }

    private Path prepare(String rock, String version, Map<String, String> env) {
        RockRepository repository = repository();
        return new RockPreparer(RockPlatform.current(), env).prepare(Store.at(temp.resolve("store")),
                ref(repository, rock, version), new RockFetcher(repository));
    }

    @Test
    void buildACModuleWithTheSystemCompilerOncePerPlatform() throws IOException {
        assumeTrue(CToolchain.compiler(System.getenv()).isPresent() && CToolchain.luaHeaders(System.getenv())
                .isPresent(), "no C compiler or no Lua 5.4 headers (scripts/install-test-tools.sh installs them)");

        Path built = prepare("calc", "1.0-1", System.getenv());

        Path library = built.resolve("lib/calc/core.so");
        assertThat(library).isRegularFile();
        assertThat(new String(Files.readAllBytes(library), StandardCharsets.ISO_8859_1)).contains("luaopen_calc_core");
        assertThat(built.resolve("lua/calc.lua")).content().isEqualTo("return require('calc.core')\n");
        assertThat(built.resolve("hype.json")).content().contains("\"native\" : true").contains("\"rocks:calc\"");
        Integrity archive = ref(repository(), "calc", "1.0-1").integrity();
        assertThat(Store.at(temp.resolve("store")).find(RockPreparer.buildKey(archive, RockPlatform.current())))
                .contains(built);
        assertThat(RockPreparer.buildKey(archive, new RockPlatform("linux", "riscv64", List.of("unix", "linux"))))
                .as("another platform builds again").isNotEqualTo(RockPreparer.buildKey(archive,
                        RockPlatform.current()));

        Map<String, String> noCompiler = new HashMap<>(System.getenv());
        noCompiler.put("PATH", temp.resolve("empty").toString());
        noCompiler.remove("CC");
        assertThat(prepare("calc", "1.0-1", noCompiler)).as("the build comes from the store").isEqualTo(built);
    }

    @Test
    void aRockPackedFromGitBuildsFromTheCheckoutInsideIt() {
        assumeTrue(gitRepository != null, "git is not installed");

        Path built = prepare("fromgit", "2.0-1", System.getenv());

        assertThat(built.resolve("lua/fromgit/init.lua")).as("rockspec_format 3.0 finds modules by looking")
                .content().isEqualTo("return 'from git'\n");
        assertThat(built.resolve("lua/fromgit/util.lua")).exists();
    }

    @Test
    void withoutACompilerTheErrorSaysWhatToInstall() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", temp.resolve("empty").toString());
        env.remove("CC");

        assertThatThrownBy(() -> prepare("calc", "1.0-1", env)).isInstanceOf(RockException.class)
                .hasMessageContaining("rocks:calc@1.0-1").hasMessageContaining("no C compiler was found")
                .satisfies(e -> {
                    assertThat(((RockException) e).code()).isEqualTo(RockException.E_ROCK_TOOLCHAIN);
                    assertThat(((RockException) e).hints()).anyMatch(h -> h.contains("apt-get install gcc")
                            || h.contains("xcode-select"));
                });
        assertThat(Store.at(temp.resolve("store")).find(RockPreparer.buildKey(ref(repository(), "calc", "1.0-1")
                .integrity(), RockPlatform.current()))).isEmpty();
    }

    @Test
    void withoutLuaHeadersTheErrorSaysWhatToInstall() {
        assumeTrue(CToolchain.compiler(System.getenv()).isPresent(), "no C compiler");
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HYPE_LUA_INCDIR", temp.resolve("no-headers").toString());

        assertThatThrownBy(() -> prepare("calc", "1.0-1", env)).isInstanceOf(RockException.class)
                .hasMessageContaining("Lua 5.4 headers")
                .satisfies(e -> assertThat(((RockException) e).hints()).anyMatch(h -> h.contains("liblua5.4-dev")
                        || h.contains("brew install lua")));
    }

    @Test
    void makeBuildsAreRefusedClearly() {
        assertThatThrownBy(() -> prepare("made", "1.0-1", System.getenv())).isInstanceOf(RockException.class)
                .hasMessageContaining("build type is 'make'")
                .hasMessageContaining("Hype runs only the 'builtin' and 'none' build types");
    }

    @Test
    void aBinaryRockIsInstalledAsPacked() {
        Path built = prepare("pure", "2.1-1", System.getenv());

        assertThat(built.resolve("lua/pure.lua")).content().isEqualTo("return 'pure'\n");
        assertThat(built.resolve("rock_manifest")).exists();
        assertThat(built.resolve("hype.json")).content().doesNotContain("\"native\" : true");
    }

    @Test
    void aBinaryRockWhoseFilesDoNotMatchItsRockManifestIsRefused() throws IOException {
        byte[] tampered = rewrite(server.read("pure-2.1-1.all.rock"), "lua/pure.lua", "return 'evil'\n");

        assertThatThrownBy(() -> prepareBytes("pure", "2.1-1", "pure-2.1-1.all.rock", tampered))
                .isInstanceOf(RockException.class).hasMessageContaining("lua/pure.lua has MD5")
                .hasMessageContaining("its rock_manifest says")
                .extracting(e -> ((RockException) e).code()).isEqualTo(RockException.E_ROCK_ARCHIVE);
        assertThat(Files.exists(temp.resolve("store/v1/sha512"))
                ? Files.walk(temp.resolve("store/v1/sha512")).filter(Files::isDirectory)
                        .anyMatch(p -> p.getFileName().toString().equals("package")) : false).isFalse();
    }

    @Test
    void aRockWhoseRockspecIsForAnotherVersionIsRefused() throws IOException {
        byte[] rock = server.read("checked-1.0-1.src.rock");
        String spec = new String(entry(rock, "checked-1.0-1.rockspec"), StandardCharsets.UTF_8);
        byte[] tampered = rewrite(rock, "checked-1.0-1.rockspec", spec.replace("\"1.0-1\"", "\"6.6-6\""));

        assertThatThrownBy(() -> prepareBytes("checked", "1.0-1", "checked-1.0-1.src.rock", tampered))
                .isInstanceOf(RockException.class).hasMessageContaining("its rockspec says checked 6.6-6");
    }

    @Test
    void aSourceWhoseMd5DoesNotMatchItsRockspecIsRefused() throws IOException {
        byte[] rock = server.read("checked-1.0-1.src.rock");
        String spec = new String(entry(rock, "checked-1.0-1.rockspec"), StandardCharsets.UTF_8);
        String withMd5 = spec.replace("source = {", "source = { md5 = \"0123456789abcdef0123456789abcdef\",");
        byte[] tampered = rewrite(rock, "checked-1.0-1.rockspec", withMd5);

        assertThatThrownBy(() -> prepareBytes("checked", "1.0-1", "checked-1.0-1.src.rock", tampered))
                .isInstanceOf(RockException.class).hasMessageContaining("checked-1.0.tar.gz has MD5")
                .hasMessageContaining("but its rockspec says 0123456789abcdef0123456789abcdef");
    }

    @Test
    void anArchiveEntryLeavingTheRockIsRefused() throws IOException {
        byte[] rock = server.read("checked-1.0-1.src.rock");
        byte[] tampered = rewrite(rock, "../escape.lua", "return 1\n");

        assertThatThrownBy(() -> prepareBytes("checked", "1.0-1", "checked-1.0-1.src.rock", tampered))
                .isInstanceOf(RockException.class).hasMessageContaining("'../escape.lua'")
                .hasMessageContaining("climbs out of the archive");
        assertThat(temp.resolve("store/v1/escape.lua")).doesNotExist();
    }

    /** Prepare a rock whose archive is {@code bytes}, as if the server had served them. */
    private Path prepareBytes(String rock, String version, String file, byte[] bytes) {
        PackageRef ref = new PackageRef("rocks:" + rock, RockVersion.parse(version).toVersion(),
                Integrity.sha512(bytes), URI.create(url + "/" + file));
        TarballFetcher fetcher = r -> bytes;
        return new RockPreparer(RockPlatform.current(), System.getenv()).prepare(Store.at(temp.resolve("store")),
                ref, fetcher);
    }

    /** Return the zip with entry {@code name} replaced (or added) with {@code content}. */
    static byte[] rewrite(byte[] zip, String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream rewritten = new ZipOutputStream(out)) {
            ZipEntry entry;
            boolean replaced = false;
            while ((entry = in.getNextEntry()) != null) {
                rewritten.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(name)) {
                    rewritten.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.transferTo(rewritten);
                }
                rewritten.closeEntry();
            }
            if (!replaced) {
                rewritten.putNextEntry(new ZipEntry(name));
                rewritten.write(content.getBytes(StandardCharsets.UTF_8));
                rewritten.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
    }
}
