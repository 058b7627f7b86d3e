package dev.hype.pm.fault;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Pause at named points of the steps that write to the disk, for tests that kill hype at exactly that point.
 *
 * <p>Set {@code HYPE_PAUSE_AT} to a point's name (or several, separated by commas) and {@code HYPE_PAUSE_FIFO} to a
 * named pipe the test made with {@code mkfifo}. When the process reaches a named point it writes the name and a
 * newline to the pipe, then opens the pipe for reading and waits until a writer opens and closes it. A test reads
 * the name, so it knows exactly where the process is, and then kills it, or lets it go on by opening the pipe for
 * writing and closing it. Threads that reach points at the same time take turns.
 *
 * <p>Without both variables every call returns at once. The names are listed in {@code docs/packages.md} and
 * {@code docs/registry.md} ("Testing interruptions").
 */
public final class PausePoints {
    /** The variable naming the points to pause at. */
    public static final String POINTS_VARIABLE = "HYPE_PAUSE_AT";
    /** The variable naming the pipe. */
    public static final String PIPE_VARIABLE = "HYPE_PAUSE_FIFO";

    private static final Set<String> POINTS = points(System.getenv(POINTS_VARIABLE));
    private static final String PIPE = System.getenv(PIPE_VARIABLE);

    private PausePoints() {
    }

    /** Pause here if the environment names {@code point}; return at once otherwise. */
    public static void reach(String point) {
        if (POINTS.isEmpty() || PIPE == null || !POINTS.contains(point)) {
            return;
        }
        synchronized (PausePoints.class) {
            try {
                try (OutputStream out = new FileOutputStream(PIPE)) {
                    out.write((point + "\n").getBytes(StandardCharsets.UTF_8));
                }
                try (InputStream in = Files.newInputStream(Path.of(PIPE))) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot pause at " + point + " on " + PIPE + ": " + e.getMessage(), e);
            }
        }
    }

    private static Set<String> points(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Set.of(value.strip().split("\\s*,\\s*"));
    }
}
