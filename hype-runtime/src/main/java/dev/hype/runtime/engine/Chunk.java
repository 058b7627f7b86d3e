package dev.hype.runtime.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Hold Lua source code with the name Lua uses for it in messages.
 *
 * @param source    the source bytes, exactly as read
 * @param chunkName Lua's chunk name: {@code @path} for files, {@code =name} for other sources
 */
public record Chunk(byte[] source, String chunkName) {

    /** Validate the chunk. */
    public Chunk {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(chunkName, "chunkName");
    }

    /** Create a chunk for a file, named as Lua names files: {@code @} and the path as given. */
    public static Chunk ofFile(byte[] source, String displayPath) {
        return new Chunk(source, "@" + displayPath);
    }

    /** Create a chunk from text with a literal name such as {@code (command line)}. */
    public static Chunk ofText(String source, String name) {
        return new Chunk(source.getBytes(StandardCharsets.UTF_8), "=" + name);
    }
}
