package dev.hype.cli;

import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Exercise the start-up paths once so the launcher can record an AOT cache of them (JEP 483/514).
 *
 * <p>{@code hype --aot-training=script} runs scripts exactly as {@code hype FILE.lua} does;
 * {@code --aot-training=commands} also builds the picocli command tree of the other commands.
 */
final class AotTraining {
    static final String OPTION = "--aot-training=";

    private AotTraining() {
    }

    static int run(String mode) {
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.evaluate("1 + 1");
        }
        trainScripts();
        if (mode.equals("commands")) {
            Terminal terminal = Terminal.system();
            terminal.interactive();
            CommandLineRunner.create(new HypeCommand(terminal)).getCommandSpec();
        }
        return 0;
    }

    /**
     * Run a small program the way {@code hype FILE.lua} runs it: relative modules, a package with
     * exports, JSON, a missing module, output, and an uncaught error.
     */
    private static void trainScripts() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hype-aot");
            Files.writeString(dir.resolve("main.lua"), "local a = require('./a') local p = require('pkg') "
                    + "local d = require('./d.json') local ok = pcall(require, './missing') "
                    + "local t = {} for i = 1, 100 do t[i] = tostring(i) end "
                    + "print(('%s %d'):format(table.concat(t, ','):sub(1, 3), #arg)) return a, p, d, ok");
            Files.writeString(dir.resolve("a.lua"), "exports.x = 1");
            Files.writeString(dir.resolve("d.json"), "{\"k\": [1, 2.5, \"s\", true, null]}");
            Files.writeString(dir.resolve("fail.lua"), "error('training')");
            Path pkg = Files.createDirectories(dir.resolve("hype_modules/pkg/lib"));
            Files.writeString(pkg.getParent().resolve("hype.json"),
                    "{\"name\": \"pkg\", \"exports\": {\".\": {\"hype\": \"./lib/index.lua\"}, \"./*\": \"./lib/*.lua\"}}");
            Files.writeString(pkg.resolve("index.lua"), "return require('pkg/other')");
            Files.writeString(pkg.resolve("other.lua"), "return {}");
            Main.run(new String[] {dir.resolve("main.lua").toString(), "x"}, Terminal.system());
            Main.run(new String[] {dir.resolve("fail.lua").toString()}, Terminal.system());
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
