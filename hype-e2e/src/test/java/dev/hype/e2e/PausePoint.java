package dev.hype.e2e;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stop a {@code ./hype} process at a named point of a write, through the test hook {@code HYPE_PAUSE_AT} and a FIFO
 * ({@code HYPE_PAUSE_FIFO}), so that a test knows exactly where the process is before it kills it. No sleeping: the
 * test blocks on the FIFO until the process writes the point's name.
 *
 * <pre>{@code
 * PausePoint pause = PausePoint.at(hype, temp.resolve("fifo"), "install.committed");
 * RunningHype install = hype.start("pkg", "install");
 * pause.await(install);   // returns once the install is stopped at the point
 * PausePoint.kill(install);
 * }</pre>
 */
public final class PausePoint {
    private final Path fifo;
    private final String point;

    private PausePoint(Path fifo, String point) {
        this.fifo = fifo;
        this.point = point;
    }

    /** Make the FIFO and set the variables on {@code hype}, so that its next runs stop at {@code point}. */
    public static PausePoint at(Hype hype, Path fifo, String point) {
        try {
            Files.deleteIfExists(fifo);
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                throw new IllegalStateException("mkfifo " + fifo + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        hype.env("HYPE_PAUSE_AT", point).env("HYPE_PAUSE_FIFO", fifo.toString());
        return new PausePoint(fifo, point);
    }

    /** Stop pausing {@code hype}'s later runs. */
    public static void clear(Hype hype) {
        hype.env("HYPE_PAUSE_AT", null).env("HYPE_PAUSE_FIFO", null);
    }

    /**
     * Block until {@code process} reaches the point and stops there.
     *
     * @throws AssertionError when the process ends first, or after the harness's run limit
     */
    public void await(RunningHype process) {
        CompletableFuture<String> reached = CompletableFuture.supplyAsync(this::readPoint, Thread::startVirtualThread);
        CompletableFuture<ProcessHandle> ended = ProcessHandle.of(process.pid())
                .map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null));
        try {
            CompletableFuture.anyOf(reached, ended).get(Hype.RUN_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the process never reached " + point, e);
        }
        if (!reached.isDone()) {
            release();
            throw new AssertionError("the process ended before reaching " + point + ":\n" + process.await());
        }
        String seen = reached.join();
        if (!point.equals(seen)) {
            throw new AssertionError("the process stopped at '" + seen + "', not at " + point);
        }
    }

    /**
     * Kill {@code process} with SIGKILL and wait for it. ({@code RunningHype.kill()} uses {@code Process.destroyForcibly},
     * which also closes the child's output streams, so reading what it printed then fails.)
     */
    public static Result kill(RunningHype process) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        return process.await();
    }

    /** Let a process stopped at the point go on. */
    public void release() {
        try (FileOutputStream out = new FileOutputStream(fifo.toFile())) {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readPoint() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(fifo),
                StandardCharsets.UTF_8))) {
            String line = in.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
