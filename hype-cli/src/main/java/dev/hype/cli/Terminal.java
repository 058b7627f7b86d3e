package dev.hype.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Hold the streams a command reads and writes, so tests drive the CLI in-process.
 *
 * @param in          standard input
 * @param out         standard output
 * @param err         standard error
 * @param interactive whether standard input and output are a terminal
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {

    /** Return the process's own streams. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.console() != null
                && System.console().isTerminal());
    }

    /** Return a terminal over the given streams, not interactive. */
    public static Terminal of(InputStream in, OutputStream out, OutputStream err) {
        return new Terminal(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    PrintWriter outWriter() {
        return new PrintWriter(out, true, StandardCharsets.UTF_8);
    }

    PrintWriter errWriter() {
        return new PrintWriter(err, true, StandardCharsets.UTF_8);
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
