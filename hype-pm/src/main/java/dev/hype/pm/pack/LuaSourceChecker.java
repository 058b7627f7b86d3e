package dev.hype.pm.pack;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Check that each {@code .lua} file compiles as the runtime loads it ({@link ModuleSystem#asLoaded}: a shebang first
 * line is fine), with one Lua state created on first use; nothing is run.
 *
 * <p>Like the runtime it holds, an instance belongs to the thread that first uses it. Close it when packing is
 * done.
 */
public final class LuaSourceChecker implements SourceChecker, AutoCloseable {
    /** Code of a Lua file that does not compile. */
    public static final String E_LUA_SYNTAX = "E_LUA_SYNTAX";

    private LuaRuntime runtime;

    @Override
    public void check(Path file, String entryPath) {
        byte[] source;
        try {
            source = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
        if (runtime == null) {
            runtime = LuaRuntime.create(RuntimeOptions.defaults());
        }
        Optional<String> error = runtime.syntaxError(Chunk.ofFile(ModuleSystem.asLoaded(source), entryPath));
        if (error.isPresent()) {
            throw new PackException(E_LUA_SYNTAX, "syntax error in " + entryPath + ": " + error.get(),
                List.of("fix the file, or leave it out of the package with 'files' in hype.json or .hypeignore"));
        }
    }

    @Override
    public void close() {
        if (runtime != null) {
            runtime.close();
            runtime = null;
        }
    }
}
