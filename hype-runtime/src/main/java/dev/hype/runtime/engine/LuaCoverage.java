package dev.hype.runtime.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Line coverage of Hype's own Lua (the prelude, the module system, the sandbox, the built-ins),
 * for Hype's test builds: on only when the system property {@value #PROPERTY} or the environment
 * variable {@value #ENVIRONMENT} names a directory. Then each runtime counts the lines that run in
 * the chunks {@link Chunk#ofResource} read (prelude.lua's line hook), hands the counts over when it
 * closes, and at exit the process writes them to one new file in that directory, in LCOV's
 * tracefile format with the sources' resource paths ({@code dev/hype/runtime/modules/modules.lua}).
 * {@code dev.hype.runtime.testing.RuntimeLuaCoverage} merges the files into the report.
 * Off, it costs one look-up of the switch per process.
 */
final class LuaCoverage {
    static final String PROPERTY = "hype.lua.coverage";
    static final String ENVIRONMENT = "HYPE_LUA_COVERAGE";
    /**
     * The line the chunks start at when coverage is on: {@link Chunk#ofResource} puts empty lines
     * before them, so that the line hook tells their lines from a program's by the number alone.
     */
    static final int FIRST_LINE = 100_001;

    /**
     * Where a chunk's lines come from: its lines from {@code firstLine} on, {@code lineCount} of
     * them, are the lines of the resource {@code path} from line 1.
     */
    record Part(String path, int firstLine, int lineCount) {
    }

    private static final Path DIRECTORY = directory();
    private static final byte[] MARGIN = DIRECTORY == null ? new byte[0]
            : "\n".repeat(FIRST_LINE - 1).getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, List<Part>> CHUNKS = new ConcurrentHashMap<>();
    private static final Map<String, Map<Integer, Long>> HITS = new ConcurrentHashMap<>();

    static {
        if (DIRECTORY != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(LuaCoverage::write, "hype-lua-coverage"));
        }
    }

    private LuaCoverage() {
    }

    private static Path directory() {
        String value = System.getProperty(PROPERTY);
        if ("off".equals(value)) {
            return null; // a test run that must see the engine as users run it (hype-runtime's pom)
        }
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    /** Return {@code source} after the empty lines that make it start at {@link #FIRST_LINE}. */
    static byte[] shifted(byte[] source) {
        byte[] out = new byte[MARGIN.length + source.length];
        System.arraycopy(MARGIN, 0, out, 0, MARGIN.length);
        System.arraycopy(source, 0, out, MARGIN.length, source.length);
        return out;
    }

    /** Return whether this process records coverage of Hype's own Lua. */
    static boolean enabled() {
        return DIRECTORY != null;
    }

    /** Record that the chunk {@code chunkName} is made of {@code parts}. */
    static void chunk(String chunkName, List<Part> parts) {
        if (DIRECTORY != null) {
            CHUNKS.putIfAbsent(chunkName, List.copyOf(parts));
        }
    }

    /** Add a runtime's counts for the chunk {@code source}: {@code line=count;line=count...}. */
    static void record(String source, String encoded) {
        List<Part> parts = CHUNKS.get(source);
        if (parts == null) {
            return; // a chunk of text such as "=[hype] main", not one of the sources
        }
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            int line = Integer.parseInt(pair.substring(0, eq));
            long count = Long.parseLong(pair.substring(eq + 1));
            for (Part part : parts) {
                if (line >= part.firstLine() && line < (long) part.firstLine() + part.lineCount()) {
                    HITS.computeIfAbsent(part.path(), k -> new ConcurrentHashMap<>())
                            .merge(line - part.firstLine() + 1, count, Long::sum);
                    break;
                }
            }
        }
    }

    /** Return the counts so far, by resource path and line: for tests. */
    static SortedMap<String, SortedMap<Integer, Long>> snapshot() {
        SortedMap<String, SortedMap<Integer, Long>> copy = new TreeMap<>();
        HITS.forEach((path, lines) -> copy.put(path, new TreeMap<>(lines)));
        return copy;
    }

    /** Write this process's counts to a new file, through a temporary file renamed into place. */
    private static void write() {
        SortedMap<String, SortedMap<Integer, Long>> hits = snapshot();
        if (hits.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder();
        hits.forEach((path, lines) -> {
            out.append("SF:").append(path).append('\n');
            lines.forEach((line, count) -> out.append("DA:").append(line).append(',').append(count).append('\n'));
            out.append("end_of_record\n");
        });
        // The process id, the time and a random number: unique enough, and without UUID's
        // SecureRandom, whose seeding took about a second per process on the build machine.
        String name = "lua-" + ProcessHandle.current().pid() + "-" + Long.toHexString(System.currentTimeMillis()) + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        try {
            Files.createDirectories(DIRECTORY);
            Path temp = DIRECTORY.resolve("." + name + ".tmp");
            Files.writeString(temp, out, StandardCharsets.UTF_8);
            Files.move(temp, DIRECTORY.resolve(name + ".info"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Lua coverage to " + DIRECTORY, e);
        }
    }
}
