package dev.hype.e2e;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@code ./hype} process started without waiting: a server, or a command a test kills.
 *
 * <p>Standard output is collected in the background; standard error is read line by line by
 * {@link #awaitStderr}, which blocks until the child prints the line a test waits for (or exits),
 * and then collected in the background too.
 */
public final class RunningHype implements AutoCloseable {
    private final Process process;
    private final List<String> command;
    private final CompletableFuture<byte[]> out;
    private final BufferedReader err;
    private final StringBuilder errSeen = new StringBuilder();
    private CompletableFuture<byte[]> errRest;

    RunningHype(Process process, List<String> command) {
        this.process = process;
        this.command = List.copyOf(command);
        this.out = Hype.drain(process.getInputStream());
        this.err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    }

    /** Return the child's process id (for signals). */
    public long pid() {
        return process.pid();
    }

    /**
     * Block until standard error has a line matching {@code wanted}, and return it.
     *
     * @throws AssertionError if the child ends first
     */
    public String awaitStderr(Predicate<String> wanted) {
        if (errRest != null) {
            throw new IllegalStateException("standard error is already being drained");
        }
        try {
            for (String line; (line = err.readLine()) != null; ) {
                errSeen.append(line).append('\n');
                if (wanted.test(line)) {
                    errRest = Hype.drain(process.getErrorStream());
                    return line;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("the process ended before printing the expected line: " + String.join(" ", command)
                + "\n--- stderr\n" + errSeen);
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
        String rest;
        if (errRest != null) {
            rest = Hype.text(errRest.join());
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                err.transferTo(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            rest = bytes.toString(StandardCharsets.UTF_8);
        }
        return new Result(command, process.exitValue(), Hype.text(out.join()), errSeen + rest);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
