package dev.hype.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** Hold the streams a command reads and writes, so tests drive the CLI in-process. */
public final class Terminal {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier interactive;

    /**
     * Create a terminal over the given streams.
     *
     * @param interactive whether standard input and output are a terminal
     */
    public Terminal(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
        this(in, out, err, () -> interactive);
    }

    private Terminal(InputStream in, PrintStream out, PrintStream err, BooleanSupplier interactive) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /**
     * Return the process's own streams. Whether they are a terminal is asked on first use:
     * {@link System#console()} looks up console providers, which {@code hype FILE.lua} never needs.
     */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err,
                () -> System.console() != null && System.console().isTerminal());
    }

    /** Return a terminal over the given streams, not interactive. */
    public static Terminal of(InputStream in, OutputStream out, OutputStream err) {
        return new Terminal(in, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    /** Return standard input. */
    public InputStream in() {
        return in;
    }

    /** Return standard output. */
    public PrintStream out() {
        return out;
    }

    /** Return standard error. */
    public PrintStream err() {
        return err;
    }

    /** Return whether standard input and output are a terminal. */
    public boolean interactive() {
        return interactive.getAsBoolean();
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
