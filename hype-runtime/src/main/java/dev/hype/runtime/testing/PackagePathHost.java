package dev.hype.runtime.testing;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Run test files in a plain runtime whose {@code package.path} finds the package's own modules. */
final class PackagePathHost implements TestFileHost {
    private static final List<String> LAYOUTS = List.of("?.lua", "?/init.lua", "src/?.lua", "src/?/init.lua",
            "src/?/?.lua", "lua/?.lua", "lua/?/init.lua", "lib/?.lua", "lib/?/init.lua");

    @Override
    public TestFileRuntime open(Path packageRoot, RuntimeOptions options) {
        LuaRuntime runtime = LuaRuntime.create(options);
        try {
            addLayouts(runtime, packageRoot);
            return TestFileRuntime.plain(runtime);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    static void addLayouts(LuaRuntime runtime, Path packageRoot) {
        String root = packageRoot.toAbsolutePath().normalize().toString().replace('\\', '/');
        String path = LAYOUTS.stream().map(l -> root + "/" + l).collect(Collectors.joining(";"));
        runtime.run(Chunk.ofText("package.path = " + LuaStrings.quote(path) + " .. ';' .. package.path",
                "hype test"), "hype test", List.of());
    }
}
