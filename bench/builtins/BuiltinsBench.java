import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.util.List;

/**
 * Measure the per-call cost of built-in module functions next to a plain Lua function call.
 *
 * <p>Run with {@code bench/builtins/run.sh}. The modules are loaded as the module system will load
 * them (source run once with its natives); each case runs in a Lua loop timed with
 * {@code process.hrtime()}, after a warm-up, and reports the median of several rounds minus the
 * cost of the empty loop.
 */
public final class BuiltinsBench {
    private static final String SCRIPT = """
            local N, ROUNDS = %d, %d
            local path, fs, process, json = mod_path, mod_fs, mod_process, mod_json
            local clock = process.hrtime

            local function plain(a, b, c) return a end
            local cases = {
              { "empty loop",                    function(n) for _ = 1, n do end end },
              { "plain Lua function call",       function(n) local f = plain for _ = 1, n do f("a", "b", "c") end end },
              { "Java native call (hrtime)",     function(n) for _ = 1, n do clock() end end },
              { "path.join('a', 'b', 'c')",      function(n) local j = path.join for _ = 1, n do j("a", "b", "c") end end },
              { "path.join('/usr/lib', '../x')", function(n) local j = path.join for _ = 1, n do j("/usr/lib", "../x") end end },
              { "fs.existsSync('pom.xml')",      function(n) local e = fs.existsSync for _ = 1, n do e("pom.xml") end end },
              { "fs.existsSync('missing')",      function(n) local e = fs.existsSync for _ = 1, n do e("missing") end end },
              { "json.encode({a=1,b={1,2}})",    function(n) local e, v = json.encode, { a = 1, b = { 1, 2 } } for _ = 1, n do e(v) end end },
            }

            local function median(xs)
              table.sort(xs)
              return xs[(#xs + 1) // 2]
            end

            local function measure(fn, n)
              local rounds = {}
              for r = 1, ROUNDS do
                local t0 = clock()
                fn(n)
                rounds[r] = (clock() - t0) / n
              end
              return median(rounds)
            end

            for _, c in ipairs(cases) do c[2](N // 2) end -- warm up the JIT behind the natives
            local base = measure(cases[1][2], N)
            print(("%%-32s %%10s %%10s"):format("case", "ns/call", "net ns"))
            for _, c in ipairs(cases) do
              local ns = measure(c[2], N)
              print(("%%-32s %%10.1f %%10.1f"):format(c[1], ns, ns - base))
            end
            """;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        BuiltinModules modules = BuiltinModules.standard();
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            for (String name : List.of("path", "fs", "process", "json")) {
                BuiltinModule module = modules.find(name).orElseThrow();
                runtime.install("mod_" + name, module.source(), module.natives());
            }
            System.out.printf("java %s, %d calls x %d rounds, median%n", Runtime.version(), n, rounds);
            System.out.flush();
            runtime.run(Chunk.ofText(SCRIPT.formatted(n, rounds), "bench"), "bench.lua", List.of());
        }
    }
}
