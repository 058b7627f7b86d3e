package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import java.util.Map;

/**
 * Describe one built-in module: Lua code that builds the module's value, and the Java functions
 * it may call.
 *
 * <p>The module system runs {@link #source()} once per runtime, on first {@code require}, with
 * the {@link #natives()} table as its only argument ({@code local native = ...}); what the chunk
 * returns is the module's exports.
 */
public interface BuiltinModule {
    /** Return the module's name, such as {@code fs}; {@code hype:fs} names it too. */
    String name();

    /** Return the Lua chunk that builds the module. */
    Chunk source();

    /** Return the Java functions the chunk receives, by name. */
    Map<String, JavaFunction> natives();
}
