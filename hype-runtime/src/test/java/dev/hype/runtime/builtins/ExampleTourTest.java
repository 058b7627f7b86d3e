package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Run {@code examples/builtins.lua} with a stand-in {@code require} that loads built-ins the way
 * the module system is meant to: {@code find(specifier)}, run the source once with its natives,
 * cache the result.
 */
class ExampleTourTest {

    @Test
    void theBuiltinsTourRuns() throws IOException {
        Path example = Path.of("..", "examples", "builtins.lua");
        BuiltinModules modules = BuiltinModules.standard();
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.run(Chunk.ofText("__builtins = {}", "setup"), "setup", List.of());
            for (String name : modules.names()) {
                BuiltinModule module = modules.find(name).orElseThrow();
                runtime.install("__loaded_" + name, module.source(), module.natives());
            }
            runtime.run(Chunk.ofText("""
                    function require(specifier)
                      local name = specifier:gsub("^hype:", "")
                      return assert(_G["__loaded_" .. name], "no built-in " .. specifier)
                    end
                    -- Capture the output in a file, as the test JVM's own stdout is not ours to write.
                    __out = io.tmpfile()
                    io.stdout = __out
                    function print(...)
                      local parts = table.pack(...)
                      for i = 1, parts.n do parts[i] = tostring(parts[i]) end
                      __out:write(table.concat(parts, "\\t", 1, parts.n), "\\n")
                    end
                    """, "setup"), "setup", List.of());
            int status = runtime.run(Chunk.ofFile(Files.readAllBytes(example), "examples/builtins.lua"),
                    "examples/builtins.lua", List.of("one"));
            assertThat(status).isZero();
            int checked = runtime.run(Chunk.ofText("""
                    __out:seek("set")
                    local text = __out:read("a")
                    local function has(s) assert(text:find(s, 1, true), "missing: " .. s .. "\\n" .. text) end
                    has('{ limits = { max = 10, ratio = 0.5 }, name = "demo", tags = {} }')
                    has("false\\tENOENT\\tENOENT: no such file or directory, open '")
                    has("tick 1\\ntick 2\\ntick 3\\n")
                    has("1 files, squares [1,4,9]")
                    has('argv:\\t{ "hype", "examples/builtins.lua", "one" }\\tplatform:\\t')
                    """, "check"), "check", List.of());
            assertThat(checked).isZero();
        }
    }
}
