package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.rocks.LuaRocksServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Use rocks as a user does: {@code hype pkg install rocks:NAME} against a real LuaRocks server (made with
 * LuaRocks' tools, served on loopback), then {@code hype app.lua} requiring the rocks' modules, and the other
 * package commands, each run as a child process with its own HYPE_HOME and HOME.
 */
class RockCommandsTest {
    @TempDir
    static Path shared;

    private static LuaRocksServer server;
    private static URI url;

    @TempDir
    Path temp;

    @BeforeAll
    static void publish() {
        server = LuaRocksServer.create(shared);
        server.rock("strings", "1.2-1").module("strings", "src/strings.lua",
                "return {shout = function(s) return s:upper() .. '!' end}\n").dependency("lua >= 5.1").publish();
        server.rock("greet", "0.4.1-2")
                .module("greet", "lua/greet/init.lua", "local s = require('strings') local M = {}\n"
                        + "function M.hello(n) return s.shout('hello ' .. n) end\nreturn M\n")
                .module("greet.plain", "lua/greet/plain.lua", "return function(n) return 'hi ' .. n end\n")
                .module("greeting", "lua/greet/plain.lua", "return function(n) return 'hi ' .. n end\n")
                .dependency("lua >= 5.1").dependency("strings ~> 1.2").publish();
        server.rock("reader", "1.0-1").module("reader", "reader.lua",
                "return function(path) local f = assert(io.open(path)) local s = f:read('a') f:close() return s end\n")
                .publish();
        server.rock("calc", "1.0-1").file("calc.c", """
                #include "lua.h"
                #include "lauxlib.h"
                static int twice(lua_State *L) { lua_pushinteger(L, 2 * luaL_checkinteger(L, 1)); return 1; }
                int luaopen_calc(lua_State *L) { lua_newtable(L); lua_pushcfunction(L, twice);
                  lua_setfield(L, -2, "twice"); return 1; }
                """).cModule("calc", "{ \"calc.c\" }").publish();
        server.manifest().zipManifests();
        url = server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path project(String manifest) throws IOException {
        Path app = Files.createDirectories(temp.resolve("app"));
        Files.writeString(app.resolve("hype.json"), manifest);
        return app;
    }

    private HypeChild hype() throws IOException {
        return new HypeChild(Files.createDirectories(temp.resolve("homes")));
    }

    @Test
    void installARockAndRequireItsModules() throws Exception {
        Path app = project("{\"name\": \"app\", \"version\": \"1.0.0\"}");
        HypeChild hype = hype();

        HypeChild.Result install = hype.run(app, "pkg", "install", "rocks:greet", "--rocks-server", url.toString(),
                "--allow-permissions");

        assertThat(install.status()).as(install.all()).isZero();
        assertThat(install.out()).contains("+ rocks:greet").contains("+ rocks:strings");
        assertThat(install.err()).contains("rocks:greet@0.4.1-2 (new)")
                .contains("unrestricted: everything, unchecked, as your own code runs");
        assertThat(Files.readString(app.resolve("hype.json"))).contains("\"rocks:greet\": \"~> 0.4\"");
        assertThat(server.requests()).contains("/manifest-5.4.zip");
        Files.writeString(app.resolve("app.lua"), """
                local greet = require("greet")
                print(greet.hello("rocks"))
                print(require("greet.plain")("there"), require("greeting")("you"))
                print(package.loaded["greet.plain"] ~= nil)
                """);

        HypeChild.Result run = hype.run(app, "app.lua");

        assertThat(run.out()).as(run.all()).isEqualTo("HELLO ROCKS!\nhi there\thi you\ntrue\n");
        HypeChild.Result list = hype.run(app, "pkg", "list");
        assertThat(list.out()).isEqualTo("rocks:greet 0.4.1-2 (permissions: unrestricted)\n"
                + "rocks:strings 1.2-1 (transitive) (permissions: unrestricted)\n");
        HypeChild.Result tree = hype.run(app, "pkg", "tree");
        assertThat(tree.out()).isEqualTo("app@1.0.0\n└── rocks:greet@0.4.1-2\n    └── rocks:strings@1.2-1\n");
        HypeChild.Result check = hype.run(app, "pkg", "check");
        assertThat(check.status()).as(check.all()).isZero();
        assertThat(check.out()).contains("2 packages checked");
        HypeChild.Result frozen = hype.run(app, "pkg", "install", "--frozen", "--offline");
        assertThat(frozen.status()).as(frozen.all()).isZero();
    }

    @Test
    void rocksConfiguredInHypercWithoutApprovalAreRefusedNamingWhatTheyAsk() throws Exception {
        Path app = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:strings\": \"*\"}}");
        Files.writeString(app.resolve(".hyperc.json"), "{\"rocks\": {\"servers\": [\"" + url + "\"]}}");

        HypeChild.Result install = hype().run(app, "pkg", "install");

        assertThat(install.status()).as(install.all()).isEqualTo(1);
        assertThat(install.err()).contains("error: 1 package asks for permissions that are not approved")
                .contains("rocks:strings@1.2-1")
                .contains("unrestricted");
        assertThat(app.resolve("hype_modules")).doesNotExist();
    }

    @Test
    void aRockRestrictedByTheProjectGetsOnlyWhatItGrants() throws Exception {
        Path app = project("""
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"rocks:reader": "*"},
                 "rockPermissions": {"rocks:reader": {"filesystem": {"read": ["$CWD/data/**"]}}}}
                """);
        Files.writeString(app.resolve(".hyperc.json"), "{\"rocks\": {\"packages\": {\"reader\": \"" + url + "\"}}}");
        Files.createDirectories(app.resolve("data"));
        Files.writeString(app.resolve("data/ok.txt"), "granted");
        Files.writeString(app.resolve("secret.txt"), "secret");
        Files.writeString(app.resolve("app.lua"), """
                local read = require("reader")
                print(read("data/ok.txt"))
                local ok, err = pcall(read, "secret.txt")
                print(ok, err.code, err.package)
                """);
        HypeChild hype = hype();

        HypeChild.Result install = hype.run(app, "pkg", "install", "--allow-permissions");

        assertThat(install.status()).as(install.all()).isZero();
        assertThat(install.err()).contains("rocks:reader@1.0-1 (new)").contains("read files: $CWD/data/**")
                .doesNotContain("unrestricted");
        HypeChild.Result run = hype.run(app, "app.lua");
        assertThat(run.out()).as(run.all()).isEqualTo("granted\nfalse\tPERMISSION_DENIED\trocks:reader\n");
    }

    @Test
    void aCRockIsBuiltAtInstall() throws Exception {
        Path app = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:calc\": \"*\"}}");

        HypeChild.Result install = hype().run(app, "pkg", "install", "--rocks-server", url.toString(),
                "--allow-permissions");

        assertThat(install.status()).as(install.all()).isZero();
        Path library = app.resolve("hype_modules/rocks:calc/lib/calc.so");
        assertThat(library).isRegularFile();
        assertThat(new String(Files.readAllBytes(library), StandardCharsets.ISO_8859_1)).contains("luaopen_calc");
        Files.writeString(app.resolve("app.lua"), "print(require('calc').twice(21))\n");
        HypeChild.Result run = hype().run(app, "app.lua");
        assertThat(run.out()).as(run.all()).isEqualTo("42\n");
    }

    @Test
    void aCRockWithoutACompilerSaysWhatToInstall() throws Exception {
        Path app = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:calc\": \"*\"}}");
        Path empty = Files.createDirectories(temp.resolve("empty-path"));

        HypeChild.Result install = hype().run(app, Map.of("PATH", empty.toString(), "CC", ""), "pkg", "install",
                "--rocks-server", url.toString(), "--allow-permissions");

        assertThat(install.status()).as(install.all()).isEqualTo(1);
        assertThat(install.err()).contains("error: cannot build rocks:calc@1.0-1: it has C code and no C compiler")
                .contains("hint: install one: 'apt-get install gcc'");
        assertThat(app.resolve("hype_modules")).doesNotExist();
    }

    @Test
    void infoAndSearchAskTheLuaRocksServer() throws Exception {
        Path app = project("{\"name\": \"app\", \"version\": \"1.0.0\"}");
        HypeChild hype = hype();

        HypeChild.Result info = hype.run(app, "pkg", "info", "rocks:greet", "--rocks-server", url.toString());
        assertThat(info.status()).as(info.all()).isZero();
        assertThat(info.out()).startsWith("rocks:greet@0.4.1-2 | MIT | versions: 1\nThe greet rock\n")
                .contains("dependencies:\n  lua >= 5.1\n  strings ~> 1.2\n").contains("build: builtin\n")
                .contains("server: " + url);
        HypeChild.Result matching = hype.run(app, "pkg", "info", "rocks:strings@>= 1.0", "--rocks-server",
                url.toString());
        assertThat(matching.out()).isEqualTo("1.2-1\n");
        HypeChild.Result search = hype.run(app, "pkg", "search", "rocks:re", "--rocks-server", url.toString());
        assertThat(search.out()).contains("rocks:greet").contains("rocks:reader").doesNotContain("rocks:calc");
    }
}
