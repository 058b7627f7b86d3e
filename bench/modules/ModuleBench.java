// Benchmarks of the module system (issue 3), run in one JVM process by bench/modules/run.sh:
//   cached   - a cached require per call, next to Lua's own require hitting package.loaded
//   memory   - the cache's memory for 100 loaded modules, and a 10,000x delete-and-re-require loop
// Usage: java -cp 'hype-cli/target/dist/lib/*' bench/modules/ModuleBench.java WORKDIR
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

public class ModuleBench {
    static final int CALLS = 20_000_000;

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[0].equals("tree")) {
            loadTree(Path.of(args[1]).toAbsolutePath());
            return;
        }
        Path work = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(work.resolve("mods"));
        Files.writeString(work.resolve("m.lua"), "return { value = 1 }");
        for (int i = 0; i < 100; i++) {
            Files.writeString(work.resolve("mods/m" + i + ".lua"), "return true");
        }
        String timing = """
                local N = %d
                local function run(label, req, name)
                  local best = math.huge
                  for round = 1, 5 do
                    local t0 = os.clock()
                    for i = 1, N do local x = req(name) end
                    local dt = os.clock() - t0
                    if dt < best then best = dt end
                  end
                  print(string.format("%%-34s %%7.1f ns/call (best of 5 x %%d calls)", label, best / N * 1e9, N))
                end
                """.formatted(CALLS);

        // Lua's own require, hitting package.loaded, in a runtime without the module system.
        try (LuaRuntime plain = LuaRuntime.create(RuntimeOptions.defaults())) {
            plain.run(Chunk.ofText(timing + "package.loaded.m = { value = 1 }\nrun('lua require (package.loaded hit)', require, 'm')",
                    "bench"), "bench", List.of());
        }
        // Hype's require of a cached module, in the same process.
        Path script = work.resolve("cached.lua");
        Files.writeString(script, timing + "require('./m')\nrun('hype require (cached ./m)', require, './m')\n"
                + "require('./mods/m1')\nrun('hype require (cached, other dir)', require, './mods/m1')\n");
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(work)).runMain(script, List.of());
        }

        // Memory: 100 modules whose chunks allocate nothing they keep (they return true).
        Path memory = work.resolve("memory.lua");
        Files.writeString(memory, """
                collectgarbage(); collectgarbage()
                local before = collectgarbage('count')
                for i = 0, 99 do require('./mods/m' .. i) end
                collectgarbage(); collectgarbage()
                local after = collectgarbage('count')
                print(string.format('cache memory for 100 modules: %.1f KB (%.0f bytes per module)', after - before, (after - before) * 1024 / 100))

                local path = require.resolve('./m')
                require('./m')
                collectgarbage(); collectgarbage()
                local start = collectgarbage('count')
                for i = 1, 10000 do
                  require.cache[path] = nil
                  require('./m')
                end
                collectgarbage(); collectgarbage()
                local finish = collectgarbage('count')
                print(string.format('10,000 delete-and-re-require: heap %.1f KB before, %.1f KB after (%+.1f KB)', start, finish, finish - start))
                """);
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(work)).runMain(memory, List.of());
        }
    }

    /** Time loading the generated tree inside the process: a fresh runtime per run, start-up excluded. */
    static void loadTree(Path tree) {
        long[] times = new long[10];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
                ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(tree))
                        .runMain(tree.resolve("main.lua"), List.of());
            }
            times[i] = System.nanoTime() - t0;
        }
        long first = times[0];
        java.util.Arrays.sort(times);
        System.out.printf("hype, in-process (runtime + 100 modules): first %.1f ms, median of 10 %.1f ms%n",
                first / 1e6, (times[4] + times[5]) / 2e6);
    }
}
