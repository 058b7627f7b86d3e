package dev.hype.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LuaEngineTest {
    private LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults());

    @AfterEach
    void close() {
        runtime.close();
    }

    private String eval(String expression) {
        EvalResult result = runtime.evaluate(expression);
        assertThat(result).isInstanceOf(EvalResult.Values.class);
        return ((EvalResult.Values) result).display();
    }

    private int run(String code) {
        return runtime.run(Chunk.ofText(code, "test"), "test", List.of());
    }

    @Test
    void usingARuntimeAfterCloseFailsCleanly() {
        runtime.close();
        assertThatThrownBy(() -> runtime.evaluate("1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        runtime.close();
    }

    @Test
    void anotherThreadCannotTouchTheState() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture.runAsync(() -> {
            try {
                runtime.evaluate("1 + 1");
            } catch (Throwable e) {
                failure.set(e);
            }
        }).join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to thread");
        assertThat(eval("1 + 1")).isEqualTo("2");
    }

    @Test
    void closingFromAnotherThreadIsRefused() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CompletableFuture.runAsync(() -> {
            try {
                runtime.close();
            } catch (Throwable e) {
                failure.set(e);
            }
        }).join();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
        assertThat(eval("'still open'")).isEqualTo("still open");
    }

    @Test
    void integersStayIntegersAcrossTheBoundary() {
        AtomicReference<Long> seen = new AtomicReference<>();
        AtomicReference<Boolean> wasInteger = new AtomicReference<>();
        runtime.setGlobal("take", s -> {
            wasInteger.set(s.isInteger(1));
            seen.set(s.toInteger(1));
            s.pushInteger(s.toInteger(1) + 1);
            return 1;
        });
        assertThat(eval("math.type(take(4611686018427387904))")).isEqualTo("integer");
        assertThat(wasInteger.get()).isTrue();
        assertThat(seen.get()).isEqualTo(4611686018427387904L);
        assertThat(eval("take(9007199254740993)")).isEqualTo("9007199254740994");
        assertThat(eval("math.type(2^53)")).isEqualTo("float");
    }

    @Test
    void stringsCrossAsUtf8Bytes() {
        AtomicReference<byte[]> seen = new AtomicReference<>();
        runtime.setGlobal("echo", s -> {
            seen.set(s.toBytes(1));
            s.pushBytes(s.toBytes(1));
            return 1;
        });
        runtime.setGlobal("emoji", s -> {
            s.pushString("h\u00e9\ud83d\ude00");
            return 1;
        });
        assertThat(eval("#emoji()")).isEqualTo("7");
        assertThat(eval("echo('h\\u{e9}\\u{1F600}') == 'h\\u{e9}\\u{1F600}'")).isEqualTo("true");
        assertThat(new String(seen.get(), StandardCharsets.UTF_8)).isEqualTo("h\u00e9\ud83d\ude00");
        assertThat(eval("echo('\\0\\255\\128x') == '\\0\\255\\128x'")).isEqualTo("true");
        assertThat(seen.get()).containsExactly(0, (byte) 255, (byte) 128, 'x');
    }

    @Test
    void luaRunsInTheCLocaleAsLua54Does() {
        assertThat(eval("os.setlocale()")).isEqualTo("C");
        assertThat(eval("3.25 .. ''")).isEqualTo("3.25");
        assertThat(eval("('b' < 'B') and 'strcoll' or 'bytes'")).isEqualTo("bytes");
    }

    @Test
    void scriptsCannotReachTheJvm() {
        assertThat(eval("java")).isEqualTo("nil");
        assertThat(eval("package.loaded.java")).isEqualTo("nil");
        assertThat(eval("#package.searchers")).isEqualTo("4");
    }

    @Test
    void javaErrorsBecomeLuaErrorsInLuasWords() {
        runtime.setGlobal("readFileSync", s -> {
            s.checkString(1, "readFileSync");
            return 0;
        });
        runtime.setGlobal("explode", s -> {
            throw new IllegalArgumentException("kaput");
        });
        assertThat(eval("select(2, pcall(readFileSync))"))
                .isEqualTo("bad argument #1 to 'readFileSync' (string expected, got no value)");
        assertThat(eval("select(2, pcall(function() readFileSync(nil) end))"))
                .isEqualTo("stdin:1: bad argument #1 to 'readFileSync' (string expected, got nil)");
        assertThat(eval("select(2, pcall(explode))")).contains("internal error in 'explode'").contains("kaput");
    }

    @Test
    void osExitEndsTheRunWithItsStatusEvenInsidePcall() {
        assertThat(run("os.exit(3)")).isEqualTo(3);
        assertThat(run("pcall(os.exit, 4)")).isEqualTo(4);
        assertThat(run("coroutine.wrap(function() os.exit(false) end)()")).isEqualTo(1);
        assertThat(run("local x = 1")).isZero();
    }

    @Test
    void argumentsReachArgAndVarargs() {
        runtime.setGlobal("check", s -> {
            s.pushBoolean(s.toText(1).equals("app.lua|a|b|a|b"));
            return 1;
        });
        int status = runtime.run(Chunk.ofText("local x, y = ... if not check(arg[0] .. '|' .. arg[1] .. '|' .. arg[2]"
                + " .. '|' .. x .. '|' .. y) then os.exit(9) end", "t"), "app.lua", List.of("a", "b"));
        assertThat(status).isZero();
    }

    @Test
    void uncaughtErrorsCarryMessageAndTraceback() {
        assertThatThrownBy(() -> runtime.run(Chunk.ofFile("local t = nil\nreturn t.x".getBytes(), "app.lua"),
                "app.lua", List.of()))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("app.lua:2: attempt to index a nil value (local 't')");
                    assertThat(e.traceback()).startsWith(e.getMessage() + "\nstack traceback:")
                            .contains("app.lua:2: in main chunk").endsWith("[C]: in ?")
                            .doesNotContain("[hype]");
                });
    }

    @Test
    void syntaxErrorsNameTheFileAndLine() {
        assertThatThrownBy(() -> runtime.run(Chunk.ofFile("x = = 1".getBytes(), "bad.lua"), "bad.lua", List.of()))
                .isInstanceOfSatisfying(ScriptException.class, e -> {
                    assertThat(e.code()).isEqualTo("LUA_SYNTAX_ERROR");
                    assertThat(e.getMessage()).startsWith("bad.lua:1:").contains("near '='");
                });
    }

    @Test
    void errorObjectsThatAreNotStringsAreDescribed() {
        assertThatThrownBy(() -> run("error({})")).hasMessage("(error object is a table value)");
        assertThatThrownBy(() -> run("error(setmetatable({}, {__tostring = function() return 'custom' end}))"))
                .hasMessage("custom");
    }

    @Test
    void replTellsIncompleteChunksFromErrors() {
        assertThat(runtime.evaluate("for i = 1, 2 do")).isInstanceOf(EvalResult.Incomplete.class);
        assertThat(runtime.evaluate("x = = 2")).isInstanceOf(EvalResult.Failed.class);
        assertThat(eval("1, 'a', nil")).isEqualTo("1\ta\tnil");
        assertThat(eval("local y = 2")).isEmpty();
        assertThat(runtime.evaluate("error('no')")).isEqualTo(new EvalResult.Failed("stdin:1: no"));
    }

    private LuaRuntime limited(Duration timeout, long memory) {
        runtime.close();
        runtime = LuaRuntime.create(new RuntimeOptions(timeout, memory));
        return runtime;
    }

    @Test
    void timeoutStopsPlainLoops() {
        limited(Duration.ofMillis(200), 0);
        assertThatThrownBy(() -> run("while true do end"))
                .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.code()).isEqualTo("E_TIMEOUT"));
    }

    @Test
    void timeoutCannotBeSwallowedByPcallCoroutinesOrGarbageCollection() {
        limited(Duration.ofMillis(200), 0);
        for (String code : List.of(
                "while true do pcall(function() while true do end end) end",
                "while true do xpcall(function() while true do end end, function(e) return e end) end",
                "local co = coroutine.create(function() while true do end end) while true do coroutine.resume(co) end",
                "coroutine.wrap(function() while true do end end)()",
                "while true do collectgarbage() collectgarbage('step') end",
                "debug.sethook() while true do end",
                "local n = 0 debug.sethook(function() n = n + 1 end, 'l') while true do end")) {
            assertThatThrownBy(() -> run(code)).as(code)
                    .isInstanceOfSatisfying(ScriptException.class, e -> assertThat(e.code()).isEqualTo("E_TIMEOUT"));
        }
    }

    @Test
    void userHooksStillRunUnderATimeLimit() {
        limited(Duration.ofSeconds(30), 0);
        assertThat(run("local lines = 0 debug.sethook(function(ev) lines = lines + 1 end, 'l')\n"
                + "local a = 1\nlocal b = 2\ndebug.sethook()\nif lines < 2 then os.exit(5) end")).isZero();
    }

    @Test
    void memoryCapTurnsHugeAllocationsIntoCatchableErrors() {
        limited(Duration.ZERO, 32L << 20);
        assertThat(eval("select(2, pcall(string.rep, 'x', 1 << 30))")).isEqualTo("not enough memory");
        assertThat(eval("select(2, pcall(function() local t = {} for i = 1, 1e8 do t[i] = {i} end end))"))
                .isEqualTo("not enough memory");
        assertThat(eval("#string.rep('y', 1024)")).isEqualTo("1024");
        assertThat(runtime.memoryInUse()).isLessThan(32L << 20);
    }

    @Test
    void syntaxErrorNamesTheChunkAndLineWithoutRunningIt() {
        assertThat(runtime.syntaxError(Chunk.ofFile("x = 1\nerror('ran')\n".getBytes(StandardCharsets.UTF_8), "ok.lua")))
                .isEmpty();
        assertThat(runtime.syntaxError(Chunk.ofFile("local x =\nif\n".getBytes(StandardCharsets.UTF_8), "bad.lua")))
                .hasValueSatisfying(message -> assertThat(message).startsWith("bad.lua:2:"));
        assertThat(eval("1 + 1")).isEqualTo("2");
    }
}
