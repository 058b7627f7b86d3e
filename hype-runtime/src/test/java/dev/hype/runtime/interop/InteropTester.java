package dev.hype.runtime.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.engine.ScriptException;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import dev.hype.runtime.permissions.Access;
import java.nio.file.Path;
import java.util.List;

/** Run Lua test code with the module system, where {@code require("hype:java")} is a {@link JavaModule}. */
final class InteropTester implements AutoCloseable {
    private final LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults());
    private final JavaModule module;

    InteropTester(Access access, Path directory) {
        this.module = new JavaModule(access);
        ModuleSystem.install(runtime, ModuleOptions.defaults().withWorkingDirectory(directory)
                .withHypeHome(directory.resolve(".home")).withBuiltins(BuiltinModules.of(List.of(module))));
    }

    /** Run {@code lua} with {@code java} and {@code err(f, ...)} (the error {@code f} raises) defined. */
    void run(String lua) {
        try {
            int status = runtime.run(chunk(lua), "test.lua", List.of());
            assertThat(status).as("exit status").isZero();
        } catch (ScriptException e) {
            fail("Lua failed: " + e.getMessage() + "\n" + e.traceback());
        }
    }

    /** Run {@code lua}, expect an uncaught error, and return its message. */
    String error(String lua) {
        try {
            runtime.run(chunk(lua), "test.lua", List.of());
        } catch (ScriptException e) {
            return e.getMessage();
        }
        return fail("expected a Lua error from:\n" + lua);
    }

    JavaModule module() {
        return module;
    }

    private static Chunk chunk(String lua) {
        return Chunk.ofText("""
                local java = require("hype:java")
                local function err(f, ...)
                  local ok, e = pcall(f, ...)
                  assert(not ok, "expected an error")
                  return e
                end
                """ + lua, "test");
    }

    @Override
    public void close() {
        runtime.close();
    }
}
