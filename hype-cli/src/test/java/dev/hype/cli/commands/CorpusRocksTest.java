package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hype.pm.rocks.LuaRocksServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turn the real rockspecs of the corpus ({@code ../shared/corpus/libs}: Penlight, argparse, luaunit) into rocks on
 * a LuaRocks server made with LuaRocks' tools, install them with {@code hype pkg install}, load their modules, and
 * run a sample of their own tests under hype against the installed rocks. The rockspecs are used as written, with
 * only {@code source} pointed at a local archive of the corpus folder (they name git repositories).
 *
 * <p>Penlight depends on luafilesystem, a C rock whose source the corpus lacks: the server gets a luafilesystem rock
 * that installs the system's {@code lfs.so} (Debian's lua-filesystem) through {@code build.install.lib}, so
 * {@code pl.path} and the modules built on it load LuaFileSystem from the installed rock.
 */
class CorpusRocksTest {
    private static final List<String> PENLIGHT_MODULES = List.of("pl", "pl.utils", "pl.tablex", "pl.List",
            "pl.stringx", "pl.class", "pl.pretty", "pl.OrderedMap", "pl.Set", "pl.seq", "pl.func", "pl.lexer",
            "pl.template", "pl.text", "pl.types", "pl.Date", "pl.array2d", "pl.compat", "pl.sip", "pl.stringio",
            "pl.strict", "pl.url", "pl.xml", "pl.data", "pl.config", "pl.permute", "pl.comprehension", "pl.MultiMap",
            "pl.Map", "pl.operator", "pl.input", "pl.luabalanced", "pl.lapp", "pl.import_into", "pl.path", "pl.dir",
            "pl.file", "pl.app", "pl.test", "lfs");
    private static final List<String> PENLIGHT_SPECS = List.of("array2d", "date", "func", "multimap", "permute",
            "pretty", "set", "stringx", "text", "utils-choose", "utils-deprecate", "utils-enum", "utils-kpairs",
            "utils-npairs", "xml", "path", "path_lfs");
    /**
     * Penlight's own test scripts ({@code tests/}, run with {@code pl.test}) that need neither its source tree nor
     * to start the interpreter again ({@code test-utils.lua} runs {@code arg[-1]}, which is java here).
     */
    private static final List<String> PENLIGHT_TESTS = List.of("class", "data", "func", "lexer", "list", "map",
            "pretty", "seq", "tablex", "template");
    private static final List<String> ARGPARSE_SPECS = List.of("actions", "arguments", "commands", "convert",
            "default", "help", "invalid_property", "mutex", "options", "pparse", "tip", "usage");

    @TempDir
    static Path shared;

    private static Path corpus;
    private static LuaRocksServer server;
    private static URI url;
    private static Path app;
    private static HypeChild hype;

    @BeforeAll
    static void publishAndInstall() throws Exception {
        corpus = corpus().orElse(null);
        assumeTrue(corpus != null, "the corpus (../shared/corpus beside the checkout) is absent: skipped");
        server = LuaRocksServer.create(shared.resolve("rocks"));
        Path sources = shared.resolve("sources");
        publish("penlight", "dev-1", corpus.resolve("libs/Penlight/penlight-dev-1.rockspec"),
                corpus.resolve("libs/Penlight"), sources);
        publish("argparse", "scm-2", corpus.resolve("libs/argparse/argparse-scm-2.rockspec"),
                corpus.resolve("libs/argparse"), sources);
        publish("luaunit", "3.5-1", corpus.resolve("libs/luaunit/packaging/luaunit-3.5-1.rockspec"),
                corpus.resolve("libs/luaunit"), sources);
        publishLuaFileSystem(sources);
        server.manifest();
        url = server.start();
        app = Files.createDirectories(shared.resolve("app"));
        Files.writeString(app.resolve("hype.json"), """
                {"name": "corpus-app", "version": "1.0.0",
                 "dependencies": {"rocks:penlight": "*", "rocks:argparse": "*", "rocks:luaunit": "*"}}
                """);
        hype = new HypeChild(Files.createDirectories(shared.resolve("homes")));
        HypeChild.Result install = hype.run(app, "pkg", "install", "--rocks-server", url.toString(),
                "--allow-permissions");
        assertThat(install.status()).as(install.all()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Return the corpus: {@code <checkout>/../shared/corpus}, else the nearest {@code shared/corpus} above. */
    static Optional<Path> corpus() {
        Path checkout = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        for (Path dir = checkout.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus");
            if (Files.isDirectory(candidate.resolve("libs"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Publish a corpus rockspec as written, its source pointed at an archive of the corpus folder. */
    private static void publish(String rock, String version, Path rockspec, Path folder, Path sources)
            throws IOException {
        Path archive = sources.resolve(rock + ".tar.gz");
        String top = folder.getFileName().toString();
        LuaRocksServer.tarGzFolder(archive, top, folder);
        String text = Files.readString(rockspec) + "\n-- the corpus is not a git checkout: build from its archive\n"
                + "source = { url = \"" + archive.toUri() + "\", dir = \"" + top + "\" }\n";
        server.publishRockspec(rock, version, text, false);
    }

    /** Publish luafilesystem installing the system's lfs.so. */
    private static void publishLuaFileSystem(Path sources) throws IOException {
        Path lfs = systemLfs().orElse(null);
        assumeTrue(lfs != null, "no lfs.so for Lua 5.4 (scripts/install-test-tools.sh installs lua-filesystem)");
        Path dir = Files.createDirectories(sources.resolve("lfs-src"));
        Files.copy(lfs, dir.resolve("lfs.so"));
        LuaRocksServer.tarGzFolder(sources.resolve("lfs.tar.gz"), "lfs-1.8.0", dir);
        server.publishRockspec("luafilesystem", "1.8.0-1", """
                package = "luafilesystem"
                version = "1.8.0-1"
                source = { url = "%s", dir = "lfs-1.8.0" }
                description = { summary = "File System Library for the Lua Programming Language", license = "MIT" }
                dependencies = { "lua >= 5.1" }
                build = { type = "builtin", modules = {}, install = { lib = { lfs = "lfs.so" } } }
                """.formatted(sources.resolve("lfs.tar.gz").toUri()), false);
    }

    private static Optional<Path> systemLfs() throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/local/lib/lua/5.4/lfs.so"),
                Path.of("/usr/lib/lua/5.4/lfs.so")));
        if (Files.isDirectory(Path.of("/usr/lib"))) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/usr/lib"), "*-linux-gnu")) {
                dirs.forEach(d -> candidates.add(d.resolve("lua/5.4/lfs.so")));
            }
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    @Test
    void theCorpusRocksInstallWithTheirDependencies() throws Exception {
        HypeChild.Result list = hype.run(app, "pkg", "list");
        assertThat(list.out()).contains("rocks:penlight dev-1").contains("rocks:argparse scm-2")
                .contains("rocks:luaunit 3.5-1").contains("rocks:luafilesystem 1.8.0-1 (transitive)");
        assertThat(app.resolve("hype_modules/rocks:penlight/lua/pl/path.lua")).exists();
        assertThat(app.resolve("hype_modules/rocks:penlight/tests")).as("copy_directories").isDirectory();
        assertThat(app.resolve("hype_modules/rocks:luaunit/lua/luaunit.lua")).exists();
        HypeChild.Result check = hype.run(app, "pkg", "check");
        assertThat(check.status()).as(check.all()).isZero();
    }

    @Test
    void theirModulesLoadByName() throws Exception {
        StringBuilder script = new StringBuilder("local failed = 0\n");
        List<String> modules = new ArrayList<>(PENLIGHT_MODULES);
        modules.addAll(List.of("argparse", "luaunit"));
        for (String module : modules) {
            script.append("do local ok, e = pcall(require, '").append(module)
                    .append("') if not ok then failed = failed + 1 print('FAILED " + module + "', e) end end\n");
        }
        script.append("print('loaded " + modules.size() + ", failed ' .. failed)\n");
        script.append("print(require('pl.List'){1, 2, 3}:map(function(x) return x * 10 end))\n");
        script.append("local parser = require('argparse')('tool') parser:option('-n') print(parser:parse({'-n', '3'}).n)\n");
        script.append("print(require('pl.path').isdir('hype_modules'), require('lfs').attributes('hype.json', 'mode'))\n");
        Files.writeString(app.resolve("modules.lua"), script);

        HypeChild.Result run = hype.run(app, "modules.lua");

        assertThat(run.out()).as(run.all()).isEqualTo("loaded " + modules.size() + ", failed 0\n{10,20,30}\n3\n"
                + "true\tfile\n");
    }

    @Test
    void aSampleOfPenlightsSpecsPass() throws Exception {
        assertSpecsPass("libs/Penlight/spec", "penlight-spec", PENLIGHT_SPECS, 244);
    }

    @Test
    void aSampleOfArgparsesSpecsPass() throws Exception {
        assertSpecsPass("libs/argparse/spec", "argparse-spec", ARGPARSE_SPECS, 170);
    }

    @Test
    void aSampleOfPenlightsOwnTestScriptsPass() throws Exception {
        List<String> failed = new ArrayList<>();
        Files.createDirectories(app.resolve("tests"));
        for (String test : PENLIGHT_TESTS) {
            Path script = app.resolve("tests").resolve("test-" + test + ".lua");
            Files.copy(corpus.resolve("libs/Penlight/tests").resolve("test-" + test + ".lua"), script,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            HypeChild.Result run = hype.run(app, "tests/test-" + test + ".lua");
            if (run.status() != 0) {
                failed.add(run.all());
            }
        }
        assertThat(failed).isEmpty();
    }

    /** Copy the corpus specs {@code names} into the app and run them with {@code hype test}. */
    private static void assertSpecsPass(String from, String to, List<String> names, int atLeast) throws Exception {
        List<String> args = new ArrayList<>(List.of("test"));
        for (String spec : names) {
            Path target = app.resolve(to).resolve(spec + "_spec.lua");
            Files.createDirectories(target.getParent());
            Files.copy(corpus.resolve(from).resolve(spec + "_spec.lua"), target,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            args.add(to + "/" + spec + "_spec.lua");
        }

        HypeChild.Result run = hype.run(app, args.toArray(String[]::new));

        assertThat(run.status()).as(run.all()).isZero();
        assertThat(passed(run.out())).as(run.all()).isGreaterThanOrEqualTo(atLeast);
        assertThat(run.out()).contains(" 0 failed");
    }

    @Test
    void luaunitsUnitSuitePassesAgainstTheInstalledRock() throws Exception {
        Path tests = app.resolve("test");
        Files.createDirectories(tests);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(corpus.resolve("libs/luaunit/test"), "*.lua")) {
            for (Path file : files) {
                Files.copy(file, tests.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // luaunit's own runner, as it is; luaunit.lua itself comes from the installed rock.
        Files.copy(corpus.resolve("libs/luaunit/run_unit_tests.lua"), app.resolve("run_unit_tests.lua"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        HypeChild.Result run = hype.run(app, "run_unit_tests.lua");

        assertThat(run.out()).as(run.all()).containsPattern("Ran 214 tests in [0-9.]+ seconds, 214 successes, 0 failures");
        assertThat(run.status()).isZero();
    }

    private static int passed(String output) {
        Matcher m = Pattern.compile("(\\d+) passed, (\\d+) failed").matcher(output);
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1));
        }
        return last;
    }
}
