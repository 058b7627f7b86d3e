package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.HypeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How errors that reach the command line are worded: the machine's file errors in words without calling them a bug,
 * anything unexpected as a bug with the hint to run with {@code --verbose}, Hype's own causes as {@code caused by}.
 */
class ErrorReporterTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int report(Throwable e, boolean verbose) {
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err);
        return new ErrorReporter(terminal, () -> verbose).report(e);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileErrorNamesThePathAndIsNotCalledABug() {
        int status = report(new UncheckedIOException(new NoSuchFileException("/data/missing.txt")), false);
        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("error: ").contains("/data/missing.txt").doesNotContain("bug in hype")
                .doesNotContain("Exception");
    }

    @Test
    void anUnexpectedErrorIsABugAndVerboseShowsTheStackTrace() {
        int status = report(new IllegalStateException("state went wrong"), false);
        assertThat(status).isEqualTo(1);
        assertThat(err()).startsWith("error: ").contains("state went wrong")
                .contains("hint: this is a bug in hype; run again with --verbose and report the stack trace\n")
                .doesNotContain("\tat ");

        err.reset();
        report(new IllegalStateException("state went wrong"), true);
        assertThat(err()).doesNotContain("this is a bug in hype").contains("java.lang.IllegalStateException")
                .contains("\tat ");
    }

    @Test
    void hypesOwnCausesAreListedOnceAndHintsFollow() {
        HypeException root = new HypeException("E_IO", "disk is full");
        HypeException middle = new HypeException("E_STORE", "cannot write the store", List.of(), root);
        HypeException top = new HypeException("E_INSTALL", "install failed", List.of("free some space"), middle);
        int status = report(top, false);
        assertThat(status).isEqualTo(top.exitCode());
        assertThat(err()).isEqualTo("""
                error: install failed
                caused by: cannot write the store
                caused by: disk is full
                hint: free some space
                """);
    }
}
