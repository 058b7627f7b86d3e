package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Read the Lua half of a built-in module from this package's resources. */
final class ModuleSource {
    private ModuleSource() {
    }

    /** Return the chunk {@code <name>.lua}, named {@code hype:<name>} in messages and tracebacks. */
    static Chunk load(String name) {
        String resource = name + ".lua";
        try (InputStream in = ModuleSource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in module source " + resource + " is missing from the distribution");
            }
            return new Chunk(in.readAllBytes(), "=hype:" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
