package dev.hype.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code ./hype} process started without waiting: a server, a {@code --watch} run, or a command a
 * test kills.
 *
 * <p>Both output streams are read line by line in the background, so the child never blocks on a
 * full pipe. {@link #awaitStdout} and {@link #awaitStderr} block until the child prints the line a
 * test waits for (or exits); they may be called again for later lines. Everything printed stays in
 * the {@link Result} that {@link #stop}, {@link #kill} and {@link #await} return.
 */
public final class RunningHype implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final Lines out;
    private final Lines err;

    RunningHype(Process process, List<String> command) {
        this.process = process;
        this.command = List.copyOf(command);
        this.out = new Lines(process.getInputStream());
        this.err = new Lines(process.getErrorStream());
    }

    /** Return the child's process id (for signals). */
    public long pid() {
        return process.pid();
    }

    /**
     * Block until standard output has a line matching {@code wanted} after the lines earlier awaits
     * consumed, and return it.
     *
     * @throws AssertionError if the child ends first
     */
    public String awaitStdout(Predicate<String> wanted) {
        return out.await(wanted, "standard output");
    }

    /**
     * Block until standard error has a line matching {@code wanted} after the lines earlier awaits
     * consumed, and return it.
     *
     * @throws AssertionError if the child ends first
     */
    public String awaitStderr(Predicate<String> wanted) {
        return err.await(wanted, "standard error");
    }

    /**
     * Stop the child with SIGTERM, wait for it, and return what it printed. The signal goes through the process
     * handle: {@link Process#destroy()} also closes the child's output streams, under the threads still draining them.
     */
    public Result stop() {
        process.toHandle().destroy();
        return await();
    }

    /** Kill the child with SIGKILL and wait for it (through the handle, for the reason {@link #stop} gives). */
    public Result kill() {
        process.toHandle().destroyForcibly();
        return await();
    }

    /** Wait for the child to end by itself and return what it printed. */
    public Result await() {
        try {
            if (!process.waitFor(Hype.RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after " + Hype.RUN_LIMIT_SECONDS + " s: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        return new Result(command, process.exitValue(), out.all(), err.all());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** One stream, read line by line on a virtual thread. */
    private final class Lines {
        private static final String END = new String("end of stream");
        private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
        private final StringBuilder seen = new StringBuilder();
        private final Thread reader;

        Lines(InputStream stream) {
            reader = Thread.startVirtualThread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        synchronized (seen) {
                            seen.append(line).append('\n');
                        }
                        pending.add(line);
                    }
                } catch (IOException e) {
                    // the process was killed; what was read stays
                } finally {
                    pending.add(END);
                }
            });
        }

        String await(Predicate<String> wanted, String name) {
            try {
                while (true) {
                    String line = pending.poll(Hype.RUN_LIMIT_SECONDS, TimeUnit.SECONDS);
                    if (line == null) {
                        throw new AssertionError("no matching line on " + name + " after " + Hype.RUN_LIMIT_SECONDS
                                + " s: " + String.join(" ", command) + "\n--- " + name + "\n" + text());
                    }
                    if (line == END) {
                        pending.add(END);
                        throw new AssertionError("the process ended before printing the expected line on " + name + ": "
                                + String.join(" ", command) + "\n--- " + name + "\n" + text());
                    }
                    if (wanted.test(line)) {
                        return line;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        String all() {
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return text();
        }

        private String text() {
            synchronized (seen) {
                return seen.toString();
            }
        }
    }
}
