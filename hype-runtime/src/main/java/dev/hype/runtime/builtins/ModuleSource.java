package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;

/** Read the Lua half of a built-in module from this package's resources. */
final class ModuleSource {
    private ModuleSource() {
    }

    /** Return the chunk {@code <name>.lua}, named {@code hype:<name>} in messages and tracebacks. */
    static Chunk load(String name) {
        return Chunk.ofResource(ModuleSource.class, name + ".lua", "=hype:" + name);
    }
}
