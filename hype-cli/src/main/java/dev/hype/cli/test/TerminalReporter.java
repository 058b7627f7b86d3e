package dev.hype.cli.test;

import dev.hype.runtime.testing.FileResult;
import dev.hype.runtime.testing.TestResult;
import dev.hype.runtime.testing.TestStatus;
import dev.hype.runtime.testing.TestSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Report for people: one line per file as it finishes, its failing and pending tests under it,
 * then the failures in full, then {@code N passed, N failed, N skipped} and the time.
 */
final class TerminalReporter implements Reporter {
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final boolean colour;
    private final boolean verbose;
    private final List<Failure> failures = new ArrayList<>();

    private record Failure(String file, String label, TestResult test) {
    }

    /** Name a failed result: the test's full name, saying so when it is an error or outside any test. */
    private static String label(FileResult file, TestResult test) {
        if (test.status() != TestStatus.ERROR) {
            return test.fullName();
        }
        boolean outside = test.path().isEmpty() && test.name().equals(file.displayName());
        return test.fullName() + (outside ? " (error outside any test)" : " (error)");
    }

    TerminalReporter(PrintStream out, boolean colour, boolean verbose) {
        this.out = out;
        this.colour = colour;
        this.verbose = verbose;
    }

    @Override
    public void fileFinished(FileResult file) {
        boolean failed = file.failed();
        out.println(paint(failed ? "FAIL" : "PASS", failed ? RED : GREEN) + " " + file.displayName()
                + " (" + counts(file) + ")");
        if (!file.output().isEmpty()) {
            String text = file.output().endsWith("\n") ? file.output() : file.output() + "\n";
            out.print(text);
        }
        for (TestResult test : file.tests()) {
            switch (test.status()) {
                case PASSED -> {
                    if (verbose) {
                        out.println("  " + paint("✓", GREEN) + " " + test.fullName());
                    }
                }
                case PENDING -> out.println("  " + paint("-", YELLOW) + " " + test.fullName() + " (pending"
                        + (test.message().isEmpty() ? "" : ": " + test.message()) + ")");
                case FAILED, ERROR -> {
                    out.println("  " + paint("✗", RED) + " " + label(file, test));
                    failures.add(new Failure(file.displayName(), label(file, test), test));
                }
            }
        }
        out.flush();
    }

    @Override
    public void finished(TestSummary summary) {
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failures:");
            int n = 0;
            for (Failure failure : failures) {
                TestResult test = failure.test();
                out.println();
                out.println(++n + ") " + failure.label());
                String where = test.failedAt().isEmpty() ? test.location() : test.failedAt();
                out.println("   " + where);
                indent(test.message());
                if (!test.traceback().isEmpty()) {
                    indent(test.traceback());
                }
            }
        }
        out.println();
        out.println(summary.passed() + " passed, " + summary.failed() + " failed, " + summary.skipped() + " skipped");
        out.println(String.format(Locale.ROOT, "Time: %.3fs", summary.duration().toNanos() / 1e9));
        out.flush();
    }

    private void indent(String text) {
        for (String line : text.split("\n", -1)) {
            out.println(line.isEmpty() ? "" : "   " + line);
        }
    }

    private static String counts(FileResult file) {
        List<String> parts = new ArrayList<>();
        parts.add(file.count(TestStatus.PASSED) + " passed");
        long failed = file.count(TestStatus.FAILED) + file.count(TestStatus.ERROR);
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        long pending = file.count(TestStatus.PENDING);
        if (pending > 0) {
            parts.add(pending + " skipped");
        }
        return String.join(", ", parts);
    }

    private String paint(String text, String code) {
        return colour ? code + text + RESET : text;
    }
}
