package dev.hype.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The line counts of Hype's own Lua (HYPE_LUA_COVERAGE, on in Hype's test build), and what a
 * program sees of hooks whether they are on or not: the same as under lua5.4 (checked against
 * lua5.4.4 by hand), with and without a time limit.
 */
class LuaCoverageTest {

    private static final String HOOKS = """
            local out = {}
            local function put(...) out[#out + 1] = table.concat(table.pack(...), ",", 1, select("#", ...)) end
            local function show(...) local t = table.pack(...) for i = 1, t.n do t[i] = tostring(t[i]) end put(table.unpack(t, 1, t.n)) end
            show(select("#", debug.gethook()), debug.gethook())
            local n = 0
            local function f() n = n + 1 end
            debug.sethook(f, "lc")
            local fn, mask, count = debug.gethook()
            show(fn == f, mask, count)
            local co = coroutine.create(function() return debug.gethook() end)
            local before = n
            local _, h = coroutine.resume(co)
            show(h == f, n > before)
            debug.sethook()
            show(debug.gethook())
            debug.sethook(f, "", 3)
            show(select(2, debug.gethook()))
            debug.sethook(f, "")
            show(debug.gethook())
            debug.sethook()
            local lines = {}
            debug.sethook(function(event, line) lines[#lines + 1] = event .. line end, "l")
            local a = 1
            debug.sethook()
            show(#lines, lines[1])
            show(pcall(function() debug.sethook(1, "l") end))
            show(pcall(function() debug.sethook(f, {}) end))
            show(pcall(function() debug.sethook(f, "l", "x") end))
            show(pcall(function() debug.sethook(coroutine.running(), 1, "l") end))
            return table.concat(out, "\\n")
            """;

    private static final String EXPECTED = """
            1,nil
            true,cl,0
            false,true
            nil
            ,3
            nil
            2,line23
            false,hooks:26: bad argument #1 to 'sethook' (function expected, got number)
            false,hooks:27: bad argument #2 to 'sethook' (string expected, got table)
            false,hooks:28: bad argument #3 to 'sethook' (number expected, got string)
            false,hooks:29: bad argument #2 to 'sethook' (function expected, got number)""";

    private static String hooks(RuntimeOptions options) {
        try (LuaRuntime runtime = LuaRuntime.create(options)) {
            StringBuilder result = new StringBuilder();
            runtime.install(null, Chunk.ofText("local n = ... n.put(assert(load(" + quoted(HOOKS) + ", '=hooks'))())",
                    "test"), Map.of("put", s -> {
                        result.append(s.toText(1));
                        return 0;
                    }));
            return result.toString();
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    @Test
    void aProgramsHooksBehaveAsUnderLua() {
        assertThat(hooks(RuntimeOptions.defaults())).isEqualTo(EXPECTED);
    }

    @Test
    void aProgramsHooksBehaveAsUnderLuaUnderATimeLimitToo() {
        assertThat(hooks(RuntimeOptions.defaults().withTimeout(Duration.ofSeconds(60)))).isEqualTo(EXPECTED);
    }

    @Test
    void osExitUnderALineHookAndATimeLimitEndsTheRun() {
        // A line hook (the program's here, the coverage's in the test build) used to see
        // os.exit's own lines before its signal was set up, and raise it past the engine.
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.enableInterrupts();
            assertThat(runtime.evaluate("debug.sethook(function() end, 'l')")).isInstanceOf(EvalResult.Values.class);
            assertThat(runtime.evaluate("os.exit(7)")).isEqualTo(new EvalResult.Exited(7));
        }
    }

    @Test
    void theLinesOfHypesOwnChunksAreCountedWhenTheRuntimeCloses() {
        assumeThat(LuaCoverage.enabled()).as("HYPE_LUA_COVERAGE / hype.lua.coverage is set").isTrue();
        Chunk chunk = Chunk.ofResources(LuaCoverageTest.class, List.of("coverage_a.lua", "coverage_b.lua"), "=[hype] coverage test");
        long before = count("dev/hype/runtime/engine/coverage_b.lua", 2);
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, chunk, Map.of());
            runtime.run(Chunk.ofText("local n = 0 debug.sethook(function() n = n + 1 end, 'l') local x = 1", "user"),
                    "user", List.of());
        }
        assertThat(count("dev/hype/runtime/engine/coverage_b.lua", 2)).isEqualTo(before + 3);
        assertThat(LuaCoverage.snapshot().get("dev/hype/runtime/engine/coverage_a.lua")).containsKey(2);
        assertThat(LuaCoverage.snapshot().get("dev/hype/runtime/engine/prelude.lua")).isNotEmpty();
        assertThat(LuaCoverage.snapshot()).doesNotContainKey("user");
    }

    private static long count(String path, int line) {
        return LuaCoverage.snapshot().getOrDefault(path, new java.util.TreeMap<>()).getOrDefault(line, 0L);
    }
}
