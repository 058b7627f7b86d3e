package dev.hype.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ./hype} process a test talks to while it runs: it writes to the child's standard input and waits for
 * text to appear on its output (standard output and error merged), for the REPL, {@code --watch} and servers.
 *
 * <p>{@link #onTerminal} runs the launcher under {@code script(1)}, so the child has a pseudo-terminal: the REPL
 * opens, and a {@code \u0003} written to it is the Ctrl-C a user types. Every wait ends when the text appears or
 * the child exits; {@link Hype#RUN_LIMIT_SECONDS} guards against a child that never answers.
 */
final class Conversation implements AutoCloseable {
    private final Process process;
    private final OutputStream stdin;
    private final StringBuilder seen = new StringBuilder();
    private final Thread reader;
    private int mark;

    private Conversation(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        this.reader = Thread.ofVirtual().start(() -> read(process.getInputStream()));
    }

    /** Start {@code ./hype ARGS...} with the environment and directory of {@code hype}, output merged. */
    static Conversation start(Hype hype, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Hype.launcher().toString());
        command.addAll(List.of(args));
        return start(hype, command);
    }

    /** Start {@code ./hype ARGS...} on a pseudo-terminal, through {@code script -qfec}. */
    static Conversation onTerminal(Hype hype, String... args) {
        // A pseudo-terminal made by script(1) over a pipe is 0x0; give it a size, as a terminal window has.
        StringBuilder line = new StringBuilder("stty cols 120 rows 40; exec " + quote(Hype.launcher().toString()));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        return start(hype, List.of("script", "-qfec", line.toString(), "/dev/null"));
    }

    private static Conversation start(Hype hype, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(hype.directory().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("HYPE_") || name.startsWith("LUA_") || name.equals("NO_COLOR"));
        env.put("HOME", hype.home().toString());
        env.put("HYPE_HOME", hype.hypeHome().toString());
        env.put("TMPDIR", hype.home().resolveSibling("tmp").toString());
        env.put("TERM", "xterm");
        Hype.coverageAgent().ifPresent(agent -> env.put("HYPE_JAVAAGENT", agent));
        Hype.luaCoverage().ifPresent(directory -> env.put("HYPE_LUA_COVERAGE", directory));
        try {
            return new Conversation(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private void read(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (this) {
                    seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the child closed its output
        }
        synchronized (this) {
            notifyAll();
        }
    }

    /** Write {@code text} to the child's standard input. */
    Conversation send(String text) {
        try {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Wait until {@code text} appears in the output after what earlier waits consumed, and consume up to its end.
     *
     * @throws AssertionError if the child ends (or outlives the guard) without printing it
     */
    synchronized Conversation await(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Hype.RUN_LIMIT_SECONDS);
        while (true) {
            int at = seen.indexOf(text, mark);
            if (at >= 0) {
                mark = at + text.length();
                return this;
            }
            long left = deadline - System.nanoTime();
            if (!reader.isAlive() || left <= 0) {
                throw new AssertionError("never printed '" + text + "'; output so far:\n" + seen);
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Return everything the child printed so far. */
    synchronized String output() {
        return seen.toString();
    }

    /** Close standard input, wait for the child to exit and return its status. */
    int exit() {
        try {
            stdin.close();
            if (!process.waitFor(Hype.RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after " + Hype.RUN_LIMIT_SECONDS + " s; output:\n" + output());
            }
            reader.join();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

}
