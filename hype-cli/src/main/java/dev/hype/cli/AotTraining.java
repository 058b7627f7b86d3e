package dev.hype.cli;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.util.List;

/** Exercise the start-up path once so the launcher can record an AOT cache of it (JEP 483/514). */
final class AotTraining {
    private AotTraining() {
    }

    static int run() {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.run(Chunk.ofText("local t = {} for i = 1, 100 do t[i] = tostring(i) end "
                    + "io.write(table.concat(t, ''):sub(1, 0))", "aot"), "aot", List.of("x"));
            runtime.evaluate("1 + 1");
        }
        new picocli.CommandLine(new HypeCommand(Terminal.system())).getCommandSpec();
        return 0;
    }
}
