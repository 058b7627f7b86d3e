package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestModuleTest {

    @Test
    void isAStandardBuiltinNamedTest() {
        assertThat(BuiltinModules.standard().find("hype:test")).get().isInstanceOf(TestModule.class);
    }

    @Test
    void runsOutsideTheRunnerAndReportsWhetherAllPassed() {
        TestModule module = new TestModule();
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install("t", module.source(), module.natives());
            int status = runtime.run(Chunk.ofText("""
                    local again = require("hype:test")
                    assert(again == t, "one instance per runtime")
                    t.describe("d", function()
                      t.it("passes", function() t.assert.equals(1, 1) end)
                    end)
                    os.exit(t.run() and 7 or 8)
                    """, "test"), "test", List.of());
            assertThat(status).isEqualTo(7);
        }
    }
}
