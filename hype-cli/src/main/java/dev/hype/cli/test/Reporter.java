package dev.hype.cli.test;

import dev.hype.runtime.testing.TestListener;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;

/** A test report written to a stream as results arrive: one class per format. */
interface Reporter extends TestListener {
    List<String> NAMES = List.of("terminal", "tap", "junit", "json");

    /** Return the reporter called {@code name}, writing to {@code out}. */
    static Reporter create(String name, PrintStream out, boolean colour, boolean verbose) {
        return switch (name) {
            case "terminal", "default" -> new TerminalReporter(out, colour, verbose);
            case "tap" -> new TapReporter(out);
            case "junit" -> new JunitReporter(out);
            case "json" -> new JsonReporter(out);
            default -> throw new CommandLine.PicocliException("unknown reporter '" + name + "' (choose one of "
                    + String.join(", ", NAMES) + ")");
        };
    }
}
