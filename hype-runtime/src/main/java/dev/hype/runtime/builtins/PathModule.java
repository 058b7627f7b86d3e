package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.util.Map;

/** Provide {@code path}: Node's posix and win32 path algorithms, written in Lua ({@code path.lua}). */
final class PathModule implements BuiltinModule {
    private final Chunk source = ModuleSource.load("path");
    private final Map<String, JavaFunction> natives;

    PathModule(WorkingDirectory cwd) {
        this.natives = Map.of("cwd", stack -> {
            stack.pushString(cwd.current().toString());
            return 1;
        });
    }

    @Override
    public String name() {
        return "path";
    }

    @Override
    public Chunk source() {
        return source;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }
}
