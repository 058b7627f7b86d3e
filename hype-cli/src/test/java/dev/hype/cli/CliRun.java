package dev.hype.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run the CLI in-process and capture what it prints, for tests.
 *
 * @param status the exit status
 * @param out    standard output
 * @param err    standard error
 */
public record CliRun(int status, String out, String err) {

    /** Run {@code hype ARGS...} with empty standard input. */
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, Terminal.of(new ByteArrayInputStream(new byte[0]), out, err));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Run {@code hype ARGS...} with {@code input} piped to standard input (not a terminal). */
    public static CliRun withInput(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, Terminal.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                err));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Run {@code hype ARGS...} as if on a terminal, with {@code input} typed on standard input. */
    public static CliRun onTerminal(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal plain = Terminal.of(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, err);
        int status = Main.run(args, new Terminal(plain.in(), plain.out(), plain.err(), true));
        return new CliRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
