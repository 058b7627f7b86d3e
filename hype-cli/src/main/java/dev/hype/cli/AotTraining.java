package dev.hype.cli;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        trainModules();
        new picocli.CommandLine(new HypeCommand(Terminal.system())).getCommandSpec();
        return 0;
    }

    /** Load a small module tree (relative files, a package with exports, JSON) so resolution is in the cache. */
    private static void trainModules() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hype-aot");
            Files.writeString(dir.resolve("main.lua"), "local a = require('./a') local p = require('pkg') "
                    + "local d = require('./d.json') local ok = pcall(require, './missing') return a, p, d, ok");
            Files.writeString(dir.resolve("a.lua"), "exports.x = 1");
            Files.writeString(dir.resolve("d.json"), "{\"k\": [1, 2.5, \"s\", true, null]}");
            Path pkg = Files.createDirectories(dir.resolve("hype_modules/pkg/lib"));
            Files.writeString(pkg.getParent().resolve("hype.json"),
                    "{\"name\": \"pkg\", \"exports\": {\".\": {\"hype\": \"./lib/index.lua\"}, \"./*\": \"./lib/*.lua\"}}");
            Files.writeString(pkg.resolve("index.lua"), "return require('pkg/other')");
            Files.writeString(pkg.resolve("other.lua"), "return {}");
            try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
                ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(dir).withWarnings(w -> { }))
                        .runMain(dir.resolve("main.lua"), List.of());
            }
        } catch (IOException e) {
            // training is best effort
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
