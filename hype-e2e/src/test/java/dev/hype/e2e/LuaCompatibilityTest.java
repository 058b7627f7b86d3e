package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lua programs observe what they observe under {@code lua5.4}, through the real launcher:
 * globals, require, errors, the OS library, C modules from the standard trees, the interpreter's
 * options and environment (issue 16).
 */
class LuaCompatibilityTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void project() {
        hype = Hype.in(temp);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LuaCompatibilityTest.class.getResourceAsStream("/lua-compat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The same program under hype and lua5.4 prints the same lines. */
    @Test
    void programObservesWhatItObservesUnderLua54() throws IOException, InterruptedException {
        Path lua = Corpus.tool("/usr/bin/lua5.4");
        hype.write("observe.lua", resource("observe.lua"));
        Result ours = hype.run("observe.lua").assertSuccess();
        Result theirs = hype.runProgram(lua.toString(), "observe.lua").assertSuccess();
        assertThat(ours.stdout()).isEqualTo(theirs.stdout());
        assertThat(ours.stdout()).contains("globals: true 1 1", "popen read: file popen-read nil exit 3",
                "execute: nil exit 3", "execute signal: nil signal 9", "tmpname creates: true true");
    }

    @Test
    void debiansCModulesLoadFromProjectCodeWithoutPathSettings() {
        Corpus.tool("/usr/lib/x86_64-linux-gnu/lua/5.4/lfs.so");
        hype.write("app.lua", """
                local lfs, lpeg, cjson, socket = require("lfs"), require("lpeg"), require("cjson"), require("socket")
                print(lfs.attributes(".", "mode"), lpeg.match(lpeg.C(lpeg.R("az") ^ 1), "hello42"),
                      cjson.encode({ 1, 2 }), type(socket.gettime()))
                """);
        Result result = hype.run("app.lua").assertSuccess();
        assertThat(result.stdout()).isEqualTo("directory\thello\t[1,2]\tnumber\n");
    }

    @Test
    void aPackageWithoutNativeCannotLoadCModules() {
        Corpus.tool("/usr/lib/x86_64-linux-gnu/lua/5.4/lfs.so");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"fsx\": \"1.0.0\"}}");
        hype.write("hype_modules/fsx/hype.json", "{\"name\": \"fsx\", \"version\": \"1.0.0\", \"main\": \"init.lua\"}");
        hype.write("hype_modules/fsx/init.lua", "return require('lfs')");
        hype.write("hype-lock.json", """
                {"lockfileVersion": 1, "packages": {"fsx": {"version": "1.0.0", "resolved": "file:hype_modules/fsx",
                  "integrity": "sha512-vendored", "permissions": {}}}}
                """);
        hype.write("app.lua", "local ok, e = pcall(require, 'fsx') print(ok, (tostring(e):match('^[^\\n]*')))");
        Result result = hype.run("app.lua").assertSuccess();
        assertThat(result.stdout()).startsWith("false\tmodule 'lfs' not found:");
        hype.write("hype-lock.json", """
                {"lockfileVersion": 1, "packages": {"fsx": {"version": "1.0.0", "resolved": "file:hype_modules/fsx",
                  "integrity": "sha512-vendored", "permissions": {"native": true}}}}
                """);
        hype.write("app.lua", "print(type(require('fsx').currentdir))");
        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("function\n");
    }

    @Test
    void luaPathAndCpathFollowTheEnvironmentUnlessE() {
        hype.write("lib/found.lua", "return 'found on LUA_PATH'");
        hype.env("LUA_PATH", "lib/?.lua;;");
        assertThat(hype.run("-e", "print(require('found'))").assertSuccess().stdout()).startsWith("found on LUA_PATH\t");
        assertThat(hype.run("-e", "print(package.path:match('^lib/%?%.lua;/usr/local/share/lua/5.4/%?%.lua') ~= nil)")
                .assertSuccess().stdout()).isEqualTo("true\n");
        hype.env("LUA_PATH_5_4", "versioned/?.lua");
        assertThat(hype.run("-e", "print(package.path)").assertSuccess().stdout()).isEqualTo("versioned/?.lua\n");
        assertThat(hype.run("-E", "-e", "print(package.path:find('versioned', 1, true))").assertSuccess().stdout())
                .isEqualTo("nil\n");
        hype.env("LUA_CPATH", "/nowhere/?.so");
        assertThat(hype.run("-e", "print(package.cpath)").assertSuccess().stdout()).isEqualTo("/nowhere/?.so\n");
    }

    @Test
    void interpreterOptionsAndArgAreLuaCs() {
        hype.write("script.lua", "print(arg[-4], arg[-3], arg[-2], arg[-1], arg[0], arg[1], select('#', ...), m ~= nil)");
        hype.write("m.lua", "return 'module m'");
        Result result = hype.run("-lm", "-e", "print(m)", "script.lua", "a").assertSuccess();
        assertThat(result.stdout()).isEqualTo("module m\n" + Hype.launcher() + "\t-lm\t-e\tprint(m)\tscript.lua\ta\t1\ttrue\n");
        assertThat(hype.run("-l", "g=m", "-e", "print(g)").assertSuccess().stdout()).isEqualTo("module m\n");
        // Without "g=", the global is the module name cut at its first '-', its version suffix (lua.c 5.4.8).
        hype.write("m-v2.lua", "return 'module m-v2'");
        assertThat(hype.run("-l", "m-v2", "-e", "print(m, _G['m-v2'])").assertSuccess().stdout()).isEqualTo("module m-v2\tnil\n");
        assertThat(hype.run("-e", "print(arg[0] == arg[-0], arg[1], arg[2])").assertSuccess().stdout())
                .isEqualTo("true\t-e\tprint(arg[0] == arg[-0], arg[1], arg[2])\n");
        assertThat(hype.run("-v").assertSuccess().stdout()).isEqualTo("Lua 5.4.8  Copyright (C) 1994-2025 Lua.org, PUC-Rio\n");
        assertThat(hype.run("-W", "-e", "warn('shown')").assertSuccess().stderr()).contains("Lua warning: shown");
        assertThat(hype.run("-e", "warn('hidden')").assertSuccess().stderr()).doesNotContain("hidden");
    }

    @Test
    void luaInitRunsFirstUnlessE() {
        hype.write("init.lua", "from_init = 'file'");
        hype.env("LUA_INIT", "from_init = 'code'");
        assertThat(hype.run("-e", "print(from_init)").assertSuccess().stdout()).isEqualTo("code\n");
        hype.env("LUA_INIT_5_4", "@init.lua");
        assertThat(hype.run("-e", "print(from_init)").assertSuccess().stdout()).isEqualTo("file\n");
        assertThat(hype.run("-E", "-e", "print(from_init)").assertSuccess().stdout()).isEqualTo("nil\n");
    }

    @Test
    void interactiveAfterTheScriptKeepsItsGlobals() {
        hype.write("script.lua", "answer = 42");
        Result result = hype.runWithInput("print(answer)\n", "-i", "script.lua");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout()).contains("42");
    }

    @Test
    void aProjectFileNamedLikeABuiltinIsTheProjectsWhenPackagePathFindsIt() {
        hype.write("json.lua", "return { own = true }");
        hype.write("app.lua", """
                print(require('json').own, require('hype:json').own, type(require('hype:json').encode))
                print(require('table') == table, type(require('table').map), type(table.insert))
                """);
        assertThat(hype.run("app.lua").assertSuccess().stdout()).isEqualTo("true\tnil\tfunction\ntrue\tfunction\tfunction\n");
    }

    @Test
    void osExitLeavesThroughPcallWithItsStatus() {
        hype.write("app.lua", "print(pcall(os.exit, 7)) print('not reached')");
        Result result = hype.run("app.lua");
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stdout()).isEmpty();
        hype.write("co.lua", "local co = coroutine.wrap(function() pcall(os.exit, 5) end) print(pcall(co)) print('no')");
        assertThat(hype.run("co.lua").exitCode()).isEqualTo(5);
        List<String> lines = hype.run("--timeout", "1", "-e", "while true do pcall(function() while true do end end) end")
                .stderr().lines().toList();
        assertThat(lines.getFirst()).contains("time limit");
    }

    @Test
    void osExitClosesTheStateOnlyWhenAskedAsLuaDoes() {
        // lua5.4's os.exit(code) exits without closing the state: no finalizer runs; os.exit(code, true)
        // and the end of the script close it, and finalizers run. Buffered output is written either way.
        String finalizer = "setmetatable({}, {__gc = function() print('finalized') end}) io.write('buffered ') ";
        hype.write("exit.lua", finalizer + "os.exit(3)");
        Result exit = hype.run("exit.lua");
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.stdout()).isEqualTo("buffered ");
        hype.write("close.lua", finalizer + "os.exit(4, true)");
        Result close = hype.run("close.lua");
        assertThat(close.exitCode()).isEqualTo(4);
        assertThat(close.stdout()).isEqualTo("buffered finalized\n");
        hype.write("end.lua", finalizer);
        assertThat(hype.run("end.lua").assertSuccess().stdout()).isEqualTo("buffered finalized\n");
    }

    @Test
    void tracebacksShowNoInternalFrames() {
        hype.write("lib.lua", "local function f() error('boom') end\nf()\n");
        hype.write("app.lua", "print(debug.traceback('here'))\nrequire('./lib')\n");
        Result result = hype.run("app.lua");
        assertThat(result.exitCode()).isEqualTo(1);
        // lua.c's traceback ends with its own C function ("[C]: in ?"); hype's main chunk is called
        // from Java, so a traceback the program asks for ends at the main chunk.
        assertThat(result.stdout()).isEqualTo("here\nstack traceback:\n\tapp.lua:1: in main chunk\n");
        assertThat(result.stderr()).isEqualTo("""
                hype: lib.lua:1: boom
                stack traceback:
                \t[C]: in function 'error'
                \tlib.lua:1: in local 'f'
                \tlib.lua:2: in main chunk
                \t[C]: in function 'require'
                \tapp.lua:2: in main chunk
                \t[C]: in ?
                """);
    }


    /** Issue 13, item 11: bytes that are not UTF-8 in arguments and file names round-trip unchanged. */
    @Test
    void bytesThatAreNotUtf8RoundTripInArgumentsAndFileNames() {
        hype.write("bytes.lua", """
                local t = {}
                for i = 1, #arg[1] do t[i] = string.format("%02x", arg[1]:byte(i)) end
                print(table.concat(t, " "))
                """);
        Result args = hype.runProgram("sh", "-c", "exec \"$0\" bytes.lua \"$(printf 'caf\\351\\377')\"", Hype.launcher().toString())
                .assertSuccess();
        assertThat(args.stdout()).isEqualTo("63 61 66 e9 ff\n");
        hype.write("files.lua", """
                local fs = require("fs")
                local name = "caf\\233.txt"
                fs.writeFileSync(name, "latin-1 name")
                local listed = false
                for _, n in ipairs(fs.readdirSync(".")) do if n == name then listed = true end end
                print(listed, io.open(name):read("a"), fs.readFileSync(name), fs.existsSync(name), fs.existsSync(""))
                """);
        assertThat(hype.run("files.lua").assertSuccess().stdout())
                .isEqualTo("true\tlatin-1 name\tlatin-1 name\ttrue\tfalse\n");
        Result listing = hype.runProgram("sh", "-c", "ls caf*.txt | od -An -tx1").assertSuccess();
        assertThat(listing.stdout().replaceAll("\\s+", " ").trim()).isEqualTo("63 61 66 e9 2e 74 78 74 0a");
    }

    /** Issue 13: an error a built-in raises points at the caller's line, not into the built-in. */
    @Test
    void builtInErrorsPointAtTheCallersLine() {
        hype.write("app.lua", "local process = require('process')\nprocess.exit('x')\n");
        Result result = hype.run("app.lua");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("hype: app.lua:2: bad argument #1 to 'exit' (number expected, got string)");
    }
}
