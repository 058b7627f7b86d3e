package dev.hype.runtime.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.engine.ScriptException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleSystemTest {
    @TempDir
    Path temp;
    Path root;
    LuaRuntime runtime;
    ModuleSystem modules;
    final List<String> warnings = new ArrayList<>();
    final AtomicInteger builtinRuns = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        root = temp.toRealPath();
        start(ModuleOptions.defaults());
    }

    void start(ModuleOptions options) {
        if (runtime != null) {
            runtime.close();
        }
        runtime = LuaRuntime.create(RuntimeOptions.defaults());
        BuiltinModule counter = new BuiltinModule() {
            @Override
            public String name() {
                return "counter";
            }

            @Override
            public Chunk source() {
                return Chunk.ofText("local native = ... return { runs = native.runs(), answer = 42 }", "counter");
            }

            @Override
            public Map<String, JavaFunction> natives() {
                return Map.of("runs", stack -> {
                    stack.pushInteger(builtinRuns.incrementAndGet());
                    return 1;
                });
            }
        };
        modules = ModuleSystem.install(runtime, options.withWorkingDirectory(root).withHypeHome(root.resolve(".home"))
                .withBuiltins(BuiltinModules.of(List.of(counter))).withWarnings(warnings::add));
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private void file(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private String eval(String code) {
        EvalResult result = runtime.evaluate(code);
        if (result instanceof EvalResult.Values values) {
            return values.display();
        }
        throw new AssertionError("evaluation failed: " + result);
    }

    private String failure(String code) {
        EvalResult result = runtime.evaluate(code);
        assertThat(result).isInstanceOf(EvalResult.Failed.class);
        return ((EvalResult.Failed) result).message();
    }

    @Test
    void moduleValueIsTheChunksReturnValue() throws IOException {
        file("r.lua", "exports.ignored = true; return 'returned'");
        assertThat(eval("require('./r')")).isEqualTo("returned");
    }

    @Test
    void moduleValueIsModuleExportsWhenTheChunkReturnsNothing() throws IOException {
        file("e.lua", "exports.a = 1");
        file("m.lua", "module.exports = { b = 2 }");
        assertThat(eval("require('./e').a, require('./m').b")).isEqualTo("1\t2");
    }

    @Test
    void environmentHoldsTheModulesOwnNames() throws IOException {
        file("lib/env.lua", """
                return { id = module.id, filename = module.filename, file = __filename, dir = __dirname,
                  same = module.exports == exports, loaded = module.loaded, req = type(require),
                  parent = module.parent and module.parent.id, children = #module.children }
                """);
        assertThat(eval("local e = require('./lib/env') return e.filename, e.file, e.dir, e.same, e.loaded, e.parent"))
                .isEqualTo(String.join("\t", root.resolve("lib/env.lua").toString(), root.resolve("lib/env.lua").toString(),
                        root.resolve("lib").toString(), "true", "false", "[eval]"));
        assertThat(eval("return require.cache[require.resolve('./lib/env')].loaded")).isEqualTo("true");
        assertThat(eval("return require.cache[require.resolve('./lib/env')].paths[1]"))
                .isEqualTo(root.resolve("lib/hype_modules").toString());
    }

    @Test
    void modulesShareTheGlobalsAsInLua() throws IOException {
        shared();
        file("g.lua", "counter_global = 'mine'; return { seen = shared_value, own = counter_global, env = _ENV == _G }");
        assertThat(eval("local g = require('./g') return g.seen, g.own, counter_global, g.env, load('return counter_global')()"))
                .isEqualTo("shared\tmine\tmine\ttrue\tmine");
    }

    @Test
    void moduleNamesAreLocalsOfEachModule() throws IOException {
        file("n.lua", "return module, require, __filename");
        file("o.lua", "return module, require, __filename");
        assertThat(eval("""
                local m1, r1, f1 = require('./n')
                local m2, r2, f2 = (function() package.loaded.x = nil return dofile(%s) end)()
                return rawget(_G, 'module'), rawget(_G, '__filename'), m1 ~= m2, r1 ~= r2, type(_G.require)
                """.formatted(LuaModuleSystem.literal(root.resolve("o.lua").toString()))))
                .isEqualTo("nil\tnil\ttrue\ttrue\tfunction");
    }

    private void shared() {
        runtime.evaluate("shared_value = 'shared'");
    }

    @Test
    void childrenAndParentAreRecorded() throws IOException {
        file("a.lua", "require('./b') return module");
        file("b.lua", "return module");
        assertThat(eval("local a = require('./a') return #a.children, a.children[1].filename == require.resolve('./b')"))
                .isEqualTo("1\ttrue");
    }

    @Test
    void secondRequireReturnsTheCachedValueWithoutRunningAgain() throws IOException {
        file("once.lua", "runs = (runs or 0) + 1; loads = (loads_total or 0); return { n = math.random() }");
        assertThat(eval("return require('./once') == require('./once')")).isEqualTo("true");
        file("sub/x.lua", "return require('../once')");
        assertThat(eval("return require('./sub/x') == require('./once')")).isEqualTo("true");
    }

    @Test
    void jsonFilesLoadAsTables() throws IOException {
        file("data.json", "{\"name\": \"hype\", \"list\": [1, 2.5, true], \"nothing\": null, \"nested\": {\"x\": \"y\"}}");
        assertThat(eval("local d = require('./data') return d.name, #d.list, d.list[2], d.list[3], d.nothing, d.nested.x, math.type(d.list[1])"))
                .isEqualTo("hype\t3\t2.5\ttrue\tnil\ty\tinteger");
    }

    @Test
    void invalidJsonModulesNameLineAndColumn() throws IOException {
        file("bad.json", "{\n  \"a\": 1,\n  ]\n}");
        assertThat(failure("require('./bad')")).contains("invalid JSON in bad.json at line 3, column 3");
    }

    @Test
    void cyclesGetPartialExportsAndOneWarningNamingTheWholeCycle() throws IOException {
        file("a.lua", "exports.early = 'a-early'; local b = require('./b'); exports.late = 'a-late'; return nil");
        file("b.lua", "local c = require('./c'); exports.c_saw = c.saw; return exports");
        file("c.lua", "local a = require('./a'); return { saw = a.early, late = a.late }");
        assertThat(eval("local a = require('./a') return require('./b').c_saw, a.late")).isEqualTo("a-early\ta-late");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst()).contains("circular require: a.lua -> b.lua -> c.lua -> a.lua");
        eval("require('./a')");
        assertThat(warnings).hasSize(1);
    }

    @Test
    void strictCyclesRaiseTheSameText() throws IOException {
        start(ModuleOptions.defaults().withStrictCycles(true));
        file("a.lua", "require('./b')");
        file("b.lua", "require('./a')");
        String message = failure("require('./a')");
        assertThat(message).contains("b.lua:1: ERR_REQUIRE_CYCLE: circular require: a.lua -> b.lua -> a.lua");
        assertThat(warnings).isEmpty();
        assertThat(eval("local ok, e = pcall(require, './a') return type(e), e:match('ERR_REQUIRE_CYCLE')"))
                .isEqualTo("string\tERR_REQUIRE_CYCLE");
    }

    @Test
    void throwingModuleIsEvictedAndRetriedWithoutAFalseCycle() throws IOException {
        file("flaky.lua", "attempts = nil; if not shared_flag then error('not yet') end; return 'ok'");
        assertThat(failure("require('./flaky')")).contains("flaky.lua:1: not yet");
        assertThat(eval("return require.cache[require.resolve('./flaky')]")).isEqualTo("nil");
        runtime.evaluate("shared_flag = true");
        assertThat(eval("require('./flaky')")).isEqualTo("ok");
        assertThat(warnings).isEmpty();
    }

    @Test
    void failedChildIsRemovedFromItsParent() throws IOException {
        file("p.lua", "pcall(require, './bad'); return #module.children");
        file("bad.lua", "error('x')");
        assertThat(eval("require('./p')")).isEqualTo("0");
    }

    @Test
    void deletingACacheEntryReloadsTheFile() throws IOException {
        file("v.lua", "return { version = 1 }");
        assertThat(eval("require('./v').version")).isEqualTo("1");
        file("v.lua", "return { version = 2 }");
        assertThat(eval("require('./v').version")).isEqualTo("1");
        eval("require.cache[require.resolve('./v')] = nil");
        assertThat(eval("require('./v').version")).isEqualTo("2");
    }

    @Test
    void symlinksToTheSameFileAreOneModule() throws IOException {
        file("real/mod.lua", "return {}");
        Files.createSymbolicLink(root.resolve("link"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("alias.lua"), root.resolve("real/mod.lua"));
        assertThat(eval("return require('./link/mod') == require('./real/mod'), require('./alias') == require('./real/mod')"))
                .isEqualTo("true\ttrue");
        assertThat(eval("require.resolve('./link/mod')")).isEqualTo(root.resolve("real/mod.lua").toString());
    }

    @Test
    void requireResolveDoesNotLoad() throws IOException {
        file("side.lua", "side_effect = true");
        assertThat(eval("require.resolve('./side')")).isEqualTo(root.resolve("side.lua").toString());
        assertThat(eval("require.cache[require.resolve('./side')]")).isEqualTo("nil");
        assertThat(eval("require.resolve('hype:counter'), require.resolve('counter')")).isEqualTo("hype:counter\tcounter");
        assertThat(eval("require.resolve.paths('x')[1], require.resolve.paths('./x')[1], require.resolve.paths('counter')"))
                .isEqualTo(root.resolve("hype_modules") + "\t" + root + "\tnil");
    }

    @Test
    void builtinsLoadOncePerRuntimeWithTheirNatives() {
        assertThat(eval("require('counter').answer, require('hype:counter') == require('counter')")).isEqualTo("42\ttrue");
        assertThat(builtinRuns).hasValue(1);
    }

    @Test
    void luaStandardLibrariesArePreloaded() {
        assertThat(eval("require('string') == string, require('math') == math")).isEqualTo("true\ttrue");
    }

    @Test
    void packageLoadedAndPreloadAnswerBareNames() {
        runtime.evaluate("package.preload['pre'] = function(name) return 'preloaded ' .. name end");
        runtime.evaluate("package.loaded['already'] = 'there'");
        assertThat(eval("require('pre'), require('already')")).isEqualTo("preloaded pre\tthere");
    }

    @Test
    void searchersProgramsAddAreTriedInOrder() {
        runtime.evaluate("""
                table.insert(package.searchers, function(name)
                  if name == 'virtual.mod' then return function(n, extra) return n .. ' via ' .. extra end, 'custom' end
                  return '\\n\\tno virtual module'
                end)""");
        assertThat(eval("require('virtual.mod'), package.loaded['virtual.mod']")).isEqualTo("virtual.mod via custom\tvirtual.mod via custom");
        assertThat(failure("require('other.mod')")).startsWith("module 'other.mod' not found:\n\tno field package.preload['other.mod']")
                .endsWith("\n\tno virtual module");
        // luarocks.loader, teal and moonscript put theirs first.
        runtime.evaluate("table.insert(package.searchers, 1, function(name) return function() return 'first ' .. name end, 'x' end)");
        assertThat(eval("require('anything')")).isEqualTo("first anything\tx");
    }

    @Test
    void requireFollowsLuasProtocol() throws IOException {
        file("mods/m.lua", "runs = (runs or 0) + 1; return nil");
        runtime.evaluate("package.path = '" + root + "/mods/?.lua;' .. package.path");
        assertThat(eval("require('m')")).isEqualTo("true\t" + root + "/mods/m.lua");
        assertThat(eval("require('m'), runs")).isEqualTo("true\t1");
        eval("package.loaded.m = nil");
        assertThat(eval("require('m')")).isEqualTo("true\t" + root + "/mods/m.lua");
        assertThat(eval("runs")).isEqualTo("2");
        assertThat(eval("local ok, e = pcall(require, 'missing.mod') return type(e), e:match('^[^\\n]*')"))
                .isEqualTo("string\tmodule 'missing.mod' not found:");
    }

    @Test
    void aProjectFileOfABuiltinsNameIsTheProjects() throws IOException {
        file("mods/counter.lua", "return 'own counter'");
        assertThat(eval("require('counter').answer")).isEqualTo("42");
        eval("package.loaded.counter = nil");
        runtime.evaluate("package.path = '" + root + "/mods/?.lua;' .. package.path");
        assertThat(eval("(require('counter'))")).isEqualTo("own counter");
        assertThat(eval("require('hype:counter').answer")).isEqualTo("42");
    }

    @Test
    void dottedNamesFallBackToPackagePath() throws IOException {
        file("vendor/socket/http.lua", "local name = ...; return { name = name, core = require('socket.core') }");
        file("vendor/socket/core.lua", "return 'core'");
        runtime.evaluate("package.path = '" + root + "/vendor/?.lua;' .. package.path");
        assertThat(eval("local h = require('socket.http') return h.name, h.core, package.loaded['socket.http'] == h"))
                .isEqualTo("socket.http\tcore\ttrue");
    }

    @Test
    void classicLuaModulesWork() throws IOException {
        file("hype_modules/classic.lua", """
                local modname = ...
                local M = { _NAME = modname }
                package.loaded[modname] = M
                function M.hello() return 'hello from ' .. M._NAME end
                """);
        file("hype_modules/callable/init.lua", """
                local _ENV = { setmetatable = setmetatable }
                local class = setmetatable({}, { __call = function(_, x) return 'called ' .. x end })
                return class
                """);
        assertThat(eval("require('classic').hello(), require('callable')('x')")).isEqualTo("hello from classic\tcalled x");
    }

    @Test
    void notFoundNamesIdFileLocationsAndStack() throws IOException {
        file("lib/a.lua", "local m = require('./missing') return m");
        String message = failure("require('./lib/a')");
        assertThat(message).contains("lib/a.lua:1: cannot find module './missing' required by lib/a.lua")
                .contains("tried, in order:\n  " + root.resolve("lib/missing") + "\n  " + root.resolve("lib/missing.lua"))
                .contains("require stack:\n- " + root.resolve("lib/a.lua") + "\n- " + root.resolve("[eval]"));
        assertThat(eval("local ok, e = pcall(require, './nope') return ok, type(e), e:match('^[^\\n]*')"))
                .isEqualTo("false\tstring\tcannot find module './nope' required by [eval]");
    }

    @Test
    void tailCalledRequireFailuresCarryNoMisleadingPosition() throws IOException {
        file("t.lua", "return require('./missing')");
        assertThat(failure("require('./t')")).startsWith("cannot find module './missing' required by t.lua");
    }

    @Test
    void badArgumentsAreLuaStyleErrors() {
        assertThat(failure("require({})")).contains("bad argument #1 to 'require' (string expected, got table)");
        assertThat(failure("require(42)")).startsWith("module '42' not found:");
    }

    @Test
    void mainScriptRunsAsAModuleFromItsOwnDirectory() throws IOException {
        file("app/main.lua", """
                local lib = require('./lib')
                assert(lib.value == 7, 'relative to the script')
                assert(module.id == '.' and require.main == module, 'main module')
                assert(__dirname == %s, __dirname)
                assert(select('#', ...) == 2 and select(2, ...) == 'b', 'arguments')
                """.formatted(LuaModuleSystem.literal(root.resolve("app").toString())));
        file("app/lib.lua", "return { value = 7 }");
        assertThat(modules.runMain(root.resolve("app/main.lua"), List.of("a", "b"))).isZero();
        assertThat(modules.loadedFiles()).contains(root.resolve("app/main.lua"), root.resolve("app/lib.lua"));
    }

    @Test
    void errorsInsideModulesKeepFileLineAndTraceThroughRequire() throws IOException {
        file("main.lua", "local x = 1\nrequire('./lib/bad')\n");
        file("lib/bad.lua", "local function f()\n  error('boom')\nend\nf()\n");
        assertThatThrownBy(() -> modules.runMain(root.resolve("main.lua"), List.of()))
                .isInstanceOf(ScriptException.class)
                .hasMessage("lib/bad.lua:2: boom")
                .satisfies(e -> assertThat(((ScriptException) e).traceback())
                        .contains("lib/bad.lua:4: in main chunk\n\t[C]: in function 'require'\n\t" + root.resolve("main.lua")
                                + ":2: in main chunk"));
    }

    @Test
    void syntaxErrorsInTheMainScriptAreSyntaxErrors() throws IOException {
        file("broken.lua", "local = 1");
        assertThatThrownBy(() -> modules.runMain(root.resolve("broken.lua"), List.of()))
                .isInstanceOf(ScriptException.class)
                .extracting(e -> ((ScriptException) e).code()).isEqualTo("LUA_SYNTAX_ERROR");
    }

    @Test
    void shebangLinesAreSkipped() throws IOException {
        file("tool.lua", "#!/usr/bin/env hype\nreturn 'ran'");
        assertThat(eval("require('./tool')")).isEqualTo("ran");
        file("bom.lua", "\uFEFFreturn 'bom'");
        assertThat(eval("require('./bom')")).isEqualTo("bom");
    }

    @Test
    void importsAndConditionsFlowThroughRequire() throws IOException {
        start(ModuleOptions.defaults().withConditions(List.of("test")));
        file("hype.json", "{\"imports\": {\"#db\": {\"test\": \"./db/fake.lua\", \"default\": \"./db/real.lua\"}}}");
        file("db/fake.lua", "return 'fake'");
        file("db/real.lua", "return 'real'");
        file("src/app.lua", "return require('#db')");
        assertThat(eval("require('./src/app')")).isEqualTo("fake");
    }

    @Test
    void hypeJsonErrorsReachLuaWithTheirCode() throws IOException {
        file("hype_modules/p/hype.json", "{\"main\": [1]}");
        assertThat(eval("local ok, e = pcall(require, 'p') return e:match('ERR_INVALID_PACKAGE_CONFIG')"))
                .isEqualTo("ERR_INVALID_PACKAGE_CONFIG");
        assertThat(failure("require('p')")).contains("invalid field \"main\"").contains("hype_modules/p/hype.json");
    }

    @Test
    void rocksLoadByTheirLuaModuleNamesAsLuaRocksLaysThemOut() throws IOException {
        rootedAtTheTestProject();
        file("hype_modules/rocks:penlight/lua/pl/path.lua", "local name, file = ... return {name = name, file = file}");
        file("hype_modules/rocks:penlight/lua/pl/init.lua", "return 'pl init'");
        file("hype_modules/rocks:argparse/lua/argparse.lua", "return 'argparse'");
        file("hype_modules/rocks:xshadow/lua/pl/path.lua", "return 'shadowed: rocks are searched in name order'");
        // Approved unrestricted (a rock's default), penlight runs as the project's code: one package.loaded.
        file("hype-lock.json", "{\"packages\": {\"rocks:penlight\": {\"permissions\": {\"unrestricted\": true}}}}");
        assertThat(eval("local p = require('pl.path') return p.name, p.file == require.resolve('pl.path')"))
                .isEqualTo("pl.path\ttrue");
        assertThat(eval("return package.loaded['pl.path'] == require('pl.path'), (require('pl')), require('argparse')"))
                .isEqualTo("true\tpl init\targparse\t" + root.resolve("hype_modules/rocks:argparse/lua/argparse.lua"));
        file("lib/user.lua", "return require('pl.path').name");
        assertThat(eval("require('./lib/user')")).isEqualTo("pl.path");
    }

    @Test
    void aMissingRockModuleListsTheRockLocationsTried() throws IOException {
        file("hype_modules/rocks:nowhere/lib/other.so", "not a library");
        assertThat(failure("require('nowhere_mod')"))
                .contains(root.resolve("hype_modules/rocks:nowhere/lua/nowhere_mod.lua").toString())
                .contains(root.resolve("hype_modules/rocks:nowhere/lib/nowhere_mod.so").toString());
    }

    @Test
    void aRocksCModuleIsOpenedWithItsLuaopenFunction() throws IOException {
        rootedAtTheTestProject();
        file("hype_modules/rocks:lpeg/lib/lpeg.so", "not a shared library");
        file("hype-lock.json", "{\"packages\": {\"rocks:lpeg\": {\"permissions\": {\"unrestricted\": true}}}}");
        assertThat(failure("require('lpeg')")).contains("error loading module 'lpeg' from file '"
                + root.resolve("hype_modules/rocks:lpeg/lib/lpeg.so"));
    }

    @Test
    void aRestrictedRockNeedsNativeForItsCModule() throws IOException {
        rootedAtTheTestProject();
        file("hype_modules/rocks:lpeg/lib/lpeg.so", "not a shared library");
        file("hype-lock.json", "{\"packages\": {\"rocks:lpeg\": {\"permissions\": {}}}}");
        assertThat(failure("require('lpeg')")).contains("PERMISSION_DENIED").contains("rocks:lpeg");
    }

    /** Approve packages with the lockfile of the test's folder, as the project root. */
    private void rootedAtTheTestProject() {
        start(ModuleOptions.defaults().withRealms(dev.hype.runtime.permissions.Realms.packages(root,
                root.resolve(".home"))));
    }

    @Test
    void anEmptyOrNonObjectManifestIsNamed() throws IOException {
        file("hype_modules/empty/hype.json", "   ");
        file("hype_modules/empty/init.lua", "return 'empty'");
        assertThat(failure("require('empty')")).contains("hype_modules/empty/hype.json").contains("the file is empty");

        file("hype_modules/listed/hype.json", "[1, 2]");
        assertThat(failure("require('listed')")).contains("hype_modules/listed/hype.json must hold a JSON object, "
                + "found an array");
        file("hype_modules/texty/hype.json", "\"text\"");
        assertThat(failure("require('texty')")).contains("must hold a JSON object, found a string");
        file("hype_modules/truth/hype.json", "true");
        assertThat(failure("require('truth')")).contains("must hold a JSON object, found a boolean");
        file("hype_modules/nothing/hype.json", "null");
        assertThat(failure("require('nothing')")).contains("hype_modules/nothing/hype.json");
    }

    @Test
    void importsMustBeAnObjectAndNullFieldsCountAsAbsent() throws IOException {
        file("hype_modules/imp/hype.json", "{\"imports\": \"./x.lua\"}");
        file("hype_modules/imp/init.lua", "return require('#x')");
        assertThat(failure("require('imp')")).contains("invalid field \"imports\"")
                .contains("expected an object, found a string");
        file("hype_modules/imp2/hype.json", "{\"imports\": {\"#x\": \"./x.lua\"}, \"main\": \"main.lua\"}");
        file("hype_modules/imp2/main.lua", "return require('#x')");
        file("hype_modules/imp2/x.lua", "return 'x via imports'");
        assertThat(eval("(require('imp2'))")).isEqualTo("x via imports");

        file("hype_modules/nulls/hype.json", "{\"exports\": null, \"imports\": null, \"main\": \"lib.lua\"}");
        file("hype_modules/nulls/lib.lua", "return 'main, as if no exports were given'");
        assertThat(eval("(require('nulls'))")).isEqualTo("main, as if no exports were given");
        assertThat(eval("(require('nulls/lib'))")).isEqualTo("main, as if no exports were given");
    }

    @Test
    void aMainScriptThatIsMissingOrBehindAFileIsNamed() throws IOException {
        assertThatThrownBy(() -> modules.runMain(root.resolve("missing.lua"), List.of()))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_SCRIPT_NOT_FOUND");
                    assertThat(e.getMessage()).isEqualTo("cannot open " + root.resolve("missing.lua") + " (no such file)");
                });
        file("plain", "not a directory");
        assertThatThrownBy(() -> modules.runMain(root.resolve("plain/app.lua"), List.of()))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_SCRIPT_UNREADABLE");
                    assertThat(e.getMessage()).startsWith("cannot read " + root.resolve("plain/app.lua") + ": ");
                });
    }
}
