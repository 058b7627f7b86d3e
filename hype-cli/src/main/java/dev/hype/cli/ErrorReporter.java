package dev.hype.cli;

import dev.hype.runtime.ErrorText;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.TerminalText;
import dev.hype.runtime.engine.ScriptException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * Render every error that reaches the command line, in one place.
 *
 * <p>Uncaught Lua errors print as {@code lua5.4} prints them, prefixed {@code hype:}. Other errors
 * print {@code error: ...}, then each {@code caused by: ...} that is Hype's own, then each
 * {@code hint: ...}. The file system's errors (a missing file, a directory where a file should be,
 * no permission) are the user's environment, not a fault of Hype: they print in words, naming the
 * path. Anything else is a bug in Hype and says so. Java class names, library settings and stack
 * traces appear only with {@code --verbose}.
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
            causes(hype, err);
            hype.hints().forEach(h -> err.println("hint: " + TerminalText.escapeKeepingLines(h)));
        } else if (isEnvironment(e)) {
            err.println("error: " + TerminalText.escapeKeepingLines(ErrorText.of(e)));
        } else {
            err.println("error: " + TerminalText.escapeKeepingLines(ErrorText.of(e)));
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

    /** Return whether {@code e} comes from the machine Hype runs on (files, disks) rather than from Hype's code. */
    private static boolean isEnvironment(Throwable e) {
        return e instanceof IOException || e instanceof UncheckedIOException;
    }

    /** Print the chain of Hype's own causes; library exceptions below them show only with {@code --verbose}. */
    private static void causes(HypeException e, PrintStream err) {
        String shown = e.getMessage();
        for (Throwable cause = e.getCause(); cause instanceof HypeException hype && cause != e; cause = cause.getCause()) {
            String message = hype.getMessage();
            if (message != null && !shown.contains(message)) {
                err.println("caused by: " + TerminalText.escapeKeepingLines(message));
                shown = shown + "\n" + message;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
    }
}
