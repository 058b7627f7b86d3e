package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.util.Map;

/** Provide a built-in written wholly in Lua, {@code <name>.lua}: {@code events} and {@code table}. */
final class LuaModule implements BuiltinModule {
    private final String name;
    private final Chunk source;

    LuaModule(String name) {
        this.name = name;
        this.source = ModuleSource.load(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Chunk source() {
        return source;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return Map.of();
    }
}
