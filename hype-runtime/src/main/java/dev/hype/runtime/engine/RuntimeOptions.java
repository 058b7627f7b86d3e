package dev.hype.runtime.engine;

import java.time.Duration;

/**
 * Configure a {@link LuaRuntime}.
 *
 * @param timeout        wall-clock limit for {@link LuaRuntime#run}, or {@link Duration#ZERO} for none
 * @param maxMemoryBytes cap on the bytes Lua's allocator may hold, or 0 for none
 */
public record RuntimeOptions(Duration timeout, long maxMemoryBytes) {

    /** Validate the options. */
    public RuntimeOptions {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be zero or positive");
        }
        if (maxMemoryBytes < 0) {
            throw new IllegalArgumentException("maxMemoryBytes must be zero or positive");
        }
    }

    /** Return options with no limits. */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions(Duration.ZERO, 0);
    }

    /** Return a copy with the given time limit. */
    public RuntimeOptions withTimeout(Duration value) {
        return new RuntimeOptions(value, maxMemoryBytes);
    }

    /** Return a copy with the given memory cap in bytes. */
    public RuntimeOptions withMaxMemory(long bytes) {
        return new RuntimeOptions(timeout, bytes);
    }
}
