package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.rocks.LuaRocksServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Use LuaRocks rocks through {@code ./hype} (issue 18): a real LuaRocks server made with {@code luarocks pack} and
 * {@code luarocks-admin make_manifest}, served on loopback; {@code hype pkg install rocks:NAME} adds a rock and its
 * dependencies, C modules are built at install, the app requires the rocks' modules by their Lua names, and a
 * frozen offline install reproduces it from the lockfile and the store.
 */
class RocksTest {
    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("try") // the server is closed inside its block on purpose: the last install is offline
    void installRocksAndRequireTheirModules() throws Exception {
        try (LuaRocksServer server = LuaRocksServer.create(temp.resolve("rocks"))) {
            server.rock("strings", "1.2-1").module("strings", "src/strings.lua",
                    "return {shout = function(s) return s:upper() .. '!' end}\n").dependency("lua >= 5.1").publish();
            server.rock("greet", "0.4.1-2")
                    .module("greet", "lua/greet/init.lua",
                            "local s = require('strings')\nreturn {hello = function(n) return s.shout('hello ' .. n) end}\n")
                    .module("greet.short", "lua/greet/plain.lua", "return function(n) return 'hi ' .. n end\n")
                    .dependency("lua >= 5.1").dependency("strings ~> 1.2").publish();
            server.rock("twice", "1.0-1").file("twice.c", """
                    #include "lua.h"
                    #include "lauxlib.h"
                    static int twice(lua_State *L) { lua_pushinteger(L, 2 * luaL_checkinteger(L, 1)); return 1; }
                    int luaopen_twice(lua_State *L) { lua_pushcfunction(L, twice); return 1; }
                    """).cModule("twice", "{ \"twice.c\" }").publish();
            server.manifest();
            URI url = server.start();
            Hype hype = Hype.in(temp.resolve("user"));
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}");
            hype.write(".hyperc.json", "{\"rocks\": {\"servers\": [\"" + url + "\"]}}");
            hype.write("app.lua", """
                    local greet = require("greet")
                    print(greet.hello("rocks"), require("greet.short")("you"))
                    """);
            hype.write("c.lua", "print(require('twice')(21))\n");

            Result install = hype.run("pkg", "install", "rocks:greet", "rocks:twice", "--allow-permissions")
                    .assertSuccess();

            assertThat(install.stdout()).contains("+ rocks:greet").contains("+ rocks:strings").contains("+ rocks:twice");
            assertThat(hype.read("hype.json")).contains("\"rocks:greet\": \"~> 0.4\"").contains("\"rocks:twice\": \"~> 1\"");
            assertThat(hype.read("hype-lock.json")).contains("\"rocks:strings\"").contains("\"version\": \"1.2-1\"");
            Path library = hype.directory().resolve("hype_modules/rocks:twice/lib/twice.so");
            assertThat(new String(Files.readAllBytes(library), StandardCharsets.ISO_8859_1)).contains("luaopen_twice");
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("HELLO ROCKS!\thi you\n");
            assertThat(hype.run("c.lua").assertSuccess().stdout()).as("the C module loads").isEqualTo("42\n");
            assertThat(hype.run("pkg", "check").assertSuccess().stdout()).contains("3 packages checked");

            // A rock's store entries (the unpacked rock and its build) are sealed and indexed as a package's: an edit
            // through the project's link is found by 'store verify' and 'check', and 'install --force' makes the
            // build again from the unpacked rock, offline.
            assertThat(hype.run("pkg", "store", "verify").assertSuccess().stdout()).startsWith("ok: 6 entries checked");
            Path init = hype.directory().resolve("hype_modules/rocks:greet/lua/greet/init.lua");
            Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rw-r--r--"));
            Files.writeString(init, "return {hello = function() return 'tampered' end}\n");
            Result verify = hype.run("pkg", "store", "verify");
            assertThat(verify.exitCode()).as(verify.describe()).isEqualTo(1);
            assertThat(verify.stdout()).contains("1 damaged");
            Result check = hype.run("pkg", "check");
            assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
            assertThat(check.stdout()).contains("rocks:greet/lua/greet/init.lua", "hype pkg install --force");
            hype.run("pkg", "install", "--force", "--offline").assertSuccess();
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("HELLO ROCKS!\thi you\n");
            assertThat(hype.run("pkg", "check").assertSuccess().stdout()).contains("3 packages checked");
            assertThat(hype.run("pkg", "store", "verify").assertSuccess().stdout()).startsWith("ok: 6 entries checked");

            hype.run("pkg", "remove", "rocks:twice").assertSuccess();
            assertThat(hype.directory().resolve("hype_modules/rocks:twice")).doesNotExist();
            server.close();
            Files.walk(hype.directory().resolve("hype_modules")).sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
            hype.run("pkg", "install", "--frozen", "--offline").assertSuccess();
            assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("HELLO ROCKS!\thi you\n");
        }
    }
}
