package dev.hype.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime's less travelled paths: options it refuses, memory it reports without a cap, syntax checks that
 * raise, producers of a main chunk that fail, and built-ins that do not load.
 */
class EngineEdgesTest {
    @Test
    void negativeLimitsAreRefused() {
        assertThatThrownBy(() -> new RuntimeOptions(Duration.ofSeconds(-1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout must be zero or positive");
        assertThatThrownBy(() -> new RuntimeOptions(Duration.ZERO, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxMemoryBytes must be zero or positive");
    }

    @Test
    void memoryInUseGrowsWithWhatTheScriptHoldsWithoutACap() {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            long before = runtime.memoryInUse();
            assertThat(before).isPositive();
            assertThat(runtime.run(Chunk.ofText("kept = string.rep('x', 4 << 20)", "test"), "test", List.of()))
                    .isZero();
            assertThat(runtime.memoryInUse()).isGreaterThan(before + (3 << 20));
        }
    }

    @Test
    void checkSyntaxRaisesLuasMessage() {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.checkSyntax(Chunk.ofFile("return 1\n".getBytes(StandardCharsets.UTF_8), "ok.lua"));
            assertThatThrownBy(() -> runtime.checkSyntax(Chunk.ofFile("x = = 1\n".getBytes(StandardCharsets.UTF_8),
                    "bad.lua")))
                    .isInstanceOfSatisfying(ScriptException.class, e -> {
                        assertThat(e.code()).isEqualTo("LUA_SYNTAX_ERROR");
                        assertThat(e.getMessage()).startsWith("bad.lua:1:");
                    });
        }
    }

    @Test
    void aProducerThatFailsIsTheScriptsError() {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            assertThatThrownBy(() -> runtime.runProduced(Chunk.ofText("error('cannot make the chunk', 0)", "producer"),
                    "main.lua", List.of()))
                    .isInstanceOfSatisfying(ScriptException.class,
                            e -> assertThat(e.getMessage()).contains("cannot make the chunk"));
            assertThat(runtime.runProduced(Chunk.ofText("return function() end", "producer"), "main.lua", List.of()))
                    .isZero();
        }
    }

    @Test
    void aBuiltInThatDoesNotCompileOrSetUpIsNamed() {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            assertThatThrownBy(() -> runtime.install("broken", Chunk.ofText("return (", "=hype:broken"), Map.of()))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("built-in code does not compile: ");
            assertThatThrownBy(() -> runtime.install("failing", Chunk.ofText("error('no set-up', 0)", "=hype:failing"),
                    Map.of()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("built-in set-up ==hype:failing failed").hasMessageContaining("no set-up");
            assertThat(runtime.evaluate("broken == nil and failing == nil")).isEqualTo(new EvalResult.Values("true"));
        }
    }

    @Test
    void aMemoryCapTooSmallForLuaToStartIsTheUsersError() {
        assertThatThrownBy(() -> LuaRuntime.create(RuntimeOptions.defaults().withMaxMemory(2048)))
                .isInstanceOfSatisfying(dev.hype.runtime.HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo("E_USAGE");
                    assertThat(e.getMessage()).isEqualTo("a memory limit of 2048 bytes is too small for Lua to start");
                    assertThat(e.hints()).containsExactly("allow more, for example --max-memory 16m");
                });
    }
}
