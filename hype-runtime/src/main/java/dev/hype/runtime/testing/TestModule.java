package dev.hype.runtime.testing;

import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The built-in module {@code test} ({@code require("hype:test")}): describe/it, assert, spies,
 * stubs, mocks and matchers, compatible with busted and luassert.
 *
 * <p>The module's chunk keeps its instance in the Lua registry, so the runner's instance (which
 * also installs the globals) and a later {@code require} share one set of registered tests.
 */
public final class TestModule implements BuiltinModule {
    /** The chunk name Lua shows for the framework's own frames; tracebacks filter it out. */
    static final String CHUNK_NAME = "=[hype:test]";

    private static final byte[] SOURCE = load();

    @Override
    public String name() {
        return "test";
    }

    @Override
    public Chunk source() {
        return chunk();
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return Map.of("clock", stack -> {
            stack.pushNumber(System.nanoTime() / 1e9);
            return 1;
        });
    }

    static Chunk chunk() {
        return new Chunk(SOURCE, CHUNK_NAME);
    }

    private static byte[] load() {
        try (InputStream in = TestModule.class.getResourceAsStream("test.lua")) {
            if (in == null) {
                throw new IllegalStateException("test.lua is missing from the distribution");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
