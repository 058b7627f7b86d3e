package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LuaBytecodeTest {

    private static byte[] dump(String source) {
        AtomicReference<byte[]> out = new AtomicReference<>();
        JavaFunction emit = s -> {
            out.set(s.toBytes(1));
            return 0;
        };
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, Chunk.ofText("local n = ... n.emit(string.dump(assert(load(" + LuaStrings.quote(source)
                    + "))))", "dump"), Map.of("emit", emit));
        }
        return out.get();
    }

    @Test
    void findsLinesOfNestedFunctionsButNotBlankOrCommentLines() {
        String source = """
                local M = {}
                -- a comment

                function M.f(x)
                  if x then
                    return 1
                  end
                  return 2
                end

                local function g()
                  local t = {
                    a = 1,
                  }
                  return t
                end

                return M
                """;
        assertThat(LuaBytecode.activeLines(dump(source))).containsExactly(1, 4, 5, 6, 8, 9, 12, 13, 15, 16, 18);
    }

    @Test
    void leavesOutTheImplicitReturnOfAFunctionThatAlwaysReturns() {
        assertThat(LuaBytecode.activeLines(dump("local function f()\n  return 1\nend\nreturn f\n")))
                .containsExactly(2, 3, 4);
    }

    @Test
    void readsAbsoluteLineInfoOfLongFunctions() {
        StringBuilder source = new StringBuilder("local x = 0\n");
        for (int i = 0; i < 300; i++) {
            source.append("x = x + ").append(i).append("\n\n\n");
        }
        assertThat(LuaBytecode.activeLines(dump(source.toString()))).hasSize(301).contains(1, 899);
    }
}
