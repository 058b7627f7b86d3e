package dev.hype.cli;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.TerminalText;
import dev.hype.runtime.engine.ScriptException;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;

/**
 * Render every error that reaches the command line, in one place.
 *
 * <p>Uncaught Lua errors print as {@code lua5.4} prints them, prefixed {@code hype:}. Other errors
 * print {@code error: ...}, then each {@code caused by: ...}, then each {@code hint: ...}. Java
 * stack traces appear only with {@code --verbose}.
 */
final class ErrorReporter {
    private final Terminal terminal;
    private final BooleanSupplier verbose;

    ErrorReporter(Terminal terminal, BooleanSupplier verbose) {
        this.terminal = terminal;
        this.verbose = verbose;
    }

    int report(Throwable e) {
        PrintStream err = terminal.err();
        terminal.out().flush();
        if (e instanceof ScriptException script) {
            String traceback = script.traceback();
            err.println("hype: " + (traceback.isEmpty() ? script.getMessage() : traceback));
            script.hints().forEach(h -> err.println("hint: " + h));
        } else if (e instanceof HypeException hype) {
            // Messages quote registries, tarballs and lockfiles: control characters in them are shown escaped.
            err.println("error: " + TerminalText.escapeKeepingLines(hype.getMessage()));
            causes(e, err);
            hype.hints().forEach(h -> err.println("hint: " + TerminalText.escapeKeepingLines(h)));
        } else {
            err.println("error: " + TerminalText.escapeKeepingLines(e.getMessage() == null ? e.toString() : e.getMessage()));
            causes(e, err);
            if (!verbose.getAsBoolean()) {
                err.println("hint: this is a bug in hype; run again with --verbose and report the stack trace");
            }
        }
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof HypeException hype ? hype.exitCode() : 1;
    }

    private static void causes(Throwable e, PrintStream err) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            err.println("caused by: " + TerminalText.escapeKeepingLines(cause.getMessage() == null ? cause.toString()
                    : cause.getMessage()));
        }
    }
}
