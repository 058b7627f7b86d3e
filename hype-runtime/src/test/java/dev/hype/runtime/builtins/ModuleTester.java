package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.engine.ScriptException;
import java.nio.file.Path;
import java.util.List;

/**
 * Run Lua test code against the built-in modules, installed as globals until {@code require}
 * exists: each under its own name, except {@code table}, which is {@code xtable} so the global
 * {@code table} stays Lua's own.
 */
final class ModuleTester implements AutoCloseable {
    private final LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults());
    private final BuiltinModules modules;

    ModuleTester(WorkingDirectory cwd) {
        this.modules = BuiltinModules.standard(cwd);
        for (String name : modules.names()) {
            BuiltinModule module = modules.find(name).orElseThrow();
            runtime.install(name.equals("table") ? "xtable" : name, module.source(), module.natives());
        }
    }

    ModuleTester() {
        this(WorkingDirectory.ofProcess());
    }

    ModuleTester(Path cwd) {
        this(new WorkingDirectory(cwd));
    }

    /** Install {@code module} as its global in place of the standard one, as a package would get its own. */
    ModuleTester with(BuiltinModule module) {
        runtime.install(module.name(), module.source(), module.natives());
        return this;
    }

    /** Run {@code lua}; fail the test with Lua's message unless it ends normally. */
    void run(String lua) {
        run(lua, List.of());
    }

    /** Run {@code lua} as script {@code test.lua} with these arguments; fail unless it ends normally. */
    void run(String lua, List<String> args) {
        try {
            int status = runtime.run(Chunk.ofText(lua, "test"), "test.lua", args);
            assertThat(status).as("exit status").isZero();
        } catch (ScriptException e) {
            fail("Lua failed: " + e.getMessage() + "\n" + e.traceback());
        }
    }

    /** Run {@code lua} and return the exit status it gives {@code os.exit}. */
    int exitStatus(String lua) {
        return runtime.run(Chunk.ofText(lua, "test"), "test.lua", List.of());
    }

    /** Run {@code lua}, expect an uncaught error, and return its message. */
    String error(String lua) {
        try {
            runtime.run(Chunk.ofText(lua, "test"), "test.lua", List.of());
        } catch (ScriptException e) {
            return e.getMessage();
        }
        return fail("expected a Lua error from:\n" + lua);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
