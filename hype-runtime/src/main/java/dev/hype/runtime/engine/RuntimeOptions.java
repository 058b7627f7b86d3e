package dev.hype.runtime.engine;

import java.time.Duration;

/**
 * Configure a {@link LuaRuntime}.
 *
 * @param timeout           wall-clock limit for {@link LuaRuntime#run}, or {@link Duration#ZERO} for none
 * @param maxMemoryBytes    cap on the bytes Lua's allocator may hold, or 0 for none
 * @param ignoreEnvironment whether {@code LUA_PATH}, {@code LUA_CPATH} and their {@code _5_4}
 *                          variants are ignored, as {@code lua5.4 -E} ignores them
 */
public record RuntimeOptions(Duration timeout, long maxMemoryBytes, boolean ignoreEnvironment) {

    /** Validate the options. */
    public RuntimeOptions {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive");
        }
        if (maxMemoryBytes < 0) {
            throw new IllegalArgumentException("maxMemoryBytes must be zero or positive");
        }
    }

    /** Create options with a time limit and a memory cap that read the environment. */
    public RuntimeOptions(Duration timeout, long maxMemoryBytes) {
        this(timeout, maxMemoryBytes, false);
    }

    /** Return options with no limits. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Duration.ZERO, 0, false);
    }

    /** Return a copy with the given time limit. */
    public RuntimeOptions withTimeout(Duration value) {
        return new RuntimeOptions(value, maxMemoryBytes, ignoreEnvironment);
    }

    /** Return a copy with the given memory cap in bytes. */
    public RuntimeOptions withMaxMemory(long bytes) {
        return new RuntimeOptions(timeout, bytes, ignoreEnvironment);
    }

    /** Return a copy that ignores the {@code LUA_*} environment variables, or not. */
    public RuntimeOptions withIgnoreEnvironment(boolean value) {
        return new RuntimeOptions(timeout, maxMemoryBytes, value);
    }
}
