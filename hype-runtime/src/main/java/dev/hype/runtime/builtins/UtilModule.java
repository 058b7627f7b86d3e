package dev.hype.runtime.builtins;

import com.fasterxml.jackson.core.JsonFactory;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.util.Map;

/**
 * Provide {@code util}: inspect, format, deepEqual, isArray and the class helpers, in Lua
 * ({@code util.lua}); {@code format}'s {@code %j} borrows the json module's Jackson writer.
 */
final class UtilModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("util");

    private final Map<String, JavaFunction> natives;

    UtilModule() {
        JsonWriter writer = new JsonWriter(new JsonFactory());
        this.natives = Map.of("json", writer::encode);
    }

    @Override
    public String name() {
        return "util";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }
}
