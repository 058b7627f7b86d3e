package dev.hype.runtime.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hold Lua source code with the name Lua uses for it in messages.
 *
 * @param source    the source bytes, exactly as read
 * @param chunkName Lua's chunk name: {@code @path} for files, {@code =name} for other sources
 */
public record Chunk(byte[] source, String chunkName) {
    /**
     * The system property naming a directory where the distribution unpacked Hype's own Lua
     * sources, in their packages' directories.
     */
    public static final String SOURCES_PROPERTY = "hype.lua";

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

    /**
     * Read the Lua source {@code name} that Hype bundles next to {@code owner}'s class.
     *
     * <p>From the directory in {@value #SOURCES_PROPERTY} when it holds the file: at start-up,
     * reading a file costs far less than the class loader's first resource lookup, which opens the
     * JDK's module image and the jar. Otherwise from the class path.
     *
     * <p>In Hype's test build, with coverage of its own Lua on ({@code HYPE_LUA_COVERAGE}), the
     * source starts at line 100001 (empty lines before it) and its lines are counted.
     *
     * @throws IllegalStateException if the source is in neither
     */
    public static Chunk ofResource(Class<?> owner, String name, String chunkName) {
        Chunk chunk = readResource(owner, name, chunkName);
        if (!LuaCoverage.enabled()) {
            return chunk;
        }
        LuaCoverage.chunk(chunkName, List.of(new LuaCoverage.Part(resourcePath(owner, name), LuaCoverage.FIRST_LINE,
                Integer.MAX_VALUE)));
        return new Chunk(LuaCoverage.shifted(chunk.source()), chunkName);
    }

    /**
     * Read the Lua sources {@code names} that Hype bundles next to {@code owner}'s class, as
     * {@link #ofResource} reads one, and join them into one chunk, each followed by a newline.
     */
    public static Chunk ofResources(Class<?> owner, List<String> names, String chunkName) {
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        List<LuaCoverage.Part> parts = new ArrayList<>();
        boolean coverage = LuaCoverage.enabled();
        int line = coverage ? LuaCoverage.FIRST_LINE : 1;
        for (String name : names) {
            byte[] part = readResource(owner, name, chunkName).source();
            int lines = 1;
            for (byte b : part) {
                if (b == '\n') {
                    lines++;
                }
            }
            parts.add(new LuaCoverage.Part(resourcePath(owner, name), line, lines));
            line += lines;
            source.writeBytes(part);
            source.write('\n');
        }
        if (!coverage) {
            return new Chunk(source.toByteArray(), chunkName);
        }
        LuaCoverage.chunk(chunkName, parts);
        return new Chunk(LuaCoverage.shifted(source.toByteArray()), chunkName);
    }

    private static String resourcePath(Class<?> owner, String name) {
        return owner.getPackageName().replace('.', '/') + "/" + name;
    }

    private static Chunk readResource(Class<?> owner, String name, String chunkName) {
        String directory = System.getProperty(SOURCES_PROPERTY);
        try {
            if (directory != null) {
                try {
                    return new Chunk(Files.readAllBytes(Path.of(directory, owner.getPackageName().replace('.', '/'), name)),
                            chunkName);
                } catch (NoSuchFileException e) {
                    // not unpacked: the class path
                }
            }
            try (InputStream in = owner.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the distribution");
                }
                return new Chunk(in.readAllBytes(), chunkName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
