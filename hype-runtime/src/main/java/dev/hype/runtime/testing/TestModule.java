package dev.hype.runtime.testing;

import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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

    /** The parts of the framework's source, joined in this order into one chunk. */
    private static final List<String> PARTS = List.of("values.lua", "assert.lua", "doubles.lua",
            "runner.lua", "api.lua");

    private static final byte[] SOURCE = load();

    private final boolean isolated;

    /** Create the instance trusted code shares: every {@code require} in the runtime gets one API. */
    public TestModule() {
        this(false);
    }

    private TestModule(boolean isolated) {
        this.isolated = isolated;
    }

    /**
     * Return an instance for one restricted package: its API is its own, kept out of the registry
     * and of the shared {@code package.preload}, so the package cannot change the project's tests.
     */
    public static TestModule isolated() {
        return new TestModule(true);
    }

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
        JavaFunction clock = stack -> {
            stack.pushNumber(System.nanoTime() / 1e9);
            return 1;
        };
        if (!isolated) {
            return Map.of("clock", clock);
        }
        // Its presence is the flag the chunk reads.
        return Map.of("clock", clock, "isolated", stack -> 0);
    }

    static Chunk chunk() {
        return new Chunk(SOURCE, CHUNK_NAME);
    }

    /**
     * Return the framework precompiled with {@code string.dump} (debug information kept), so each
     * test file's runtime loads bytecode instead of compiling 1,500 lines again.
     */
    static Chunk compiledChunk() {
        return Compiled.CHUNK;
    }

    /** Compile once per JVM, on first use. */
    private static final class Compiled {
        static final Chunk CHUNK = compile();

        private static Chunk compile() {
            AtomicReference<byte[]> dump = new AtomicReference<>();
            Map<String, JavaFunction> natives = Map.of(
                    "source", stack -> {
                        stack.pushBytes(SOURCE);
                        return 1;
                    },
                    "emit", stack -> {
                        dump.set(stack.toBytes(1));
                        return 0;
                    });
            String code = "local n = ... n.emit(string.dump(assert(load(n.source(), " + LuaStrings.quote(CHUNK_NAME)
                    + ", 't'))))";
            try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
                runtime.install(null, Chunk.ofText(code, "hype test compile"), natives);
            }
            return dump.get() == null ? chunk() : new Chunk(dump.get(), CHUNK_NAME);
        }
    }

    private static byte[] load() {
        return Chunk.ofResources(TestModule.class, PARTS.stream().map(part -> "test/" + part).toList(), CHUNK_NAME)
                .source();
    }
}
