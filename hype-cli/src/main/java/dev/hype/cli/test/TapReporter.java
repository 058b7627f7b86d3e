package dev.hype.cli.test;

import dev.hype.runtime.testing.FileResult;
import dev.hype.runtime.testing.TestResult;
import dev.hype.runtime.testing.TestSummary;
import java.io.PrintStream;

/** Report in TAP version 13: one line per test, a YAML block per failure, the plan at the end. */
final class TapReporter implements Reporter {
    private final PrintStream out;
    private int number;

    TapReporter(PrintStream out) {
        this.out = out;
        out.println("TAP version 13");
    }

    @Override
    public void fileFinished(FileResult file) {
        out.println("# " + file.displayName());
        for (String line : file.output().split("\n")) {
            if (!line.isEmpty()) {
                out.println("# " + line);
            }
        }
        for (TestResult test : file.tests()) {
            number++;
            String name = description(test.fullName());
            switch (test.status()) {
                case PASSED -> out.println("ok " + number + " - " + name);
                case PENDING -> out.println("ok " + number + " - " + name + " # SKIP "
                        + (test.message().isEmpty() ? "pending" : description(test.message())));
                case FAILED, ERROR -> {
                    out.println("not ok " + number + " - " + name);
                    out.println("  ---");
                    out.println("  severity: " + (test.status().name().equals("ERROR") ? "error" : "fail"));
                    out.println("  at: " + quote(test.failedAt().isEmpty() ? test.location() : test.failedAt()));
                    block("message", test.message());
                    if (!test.traceback().isEmpty()) {
                        block("traceback", test.traceback());
                    }
                    out.println("  ...");
                }
            }
        }
        out.flush();
    }

    @Override
    public void finished(TestSummary summary) {
        out.println("1.." + number);
        out.println("# " + summary.passed() + " passed, " + summary.failed() + " failed, " + summary.skipped() + " skipped");
        out.flush();
    }

    private void block(String key, String text) {
        out.println("  " + key + ": |-");
        for (String line : text.split("\n", -1)) {
            out.println("    " + line);
        }
    }

    /** TAP descriptions end at a newline and treat {@code #} as a directive: escape both. */
    private static String description(String text) {
        return text.replace("\\", "\\\\").replace("#", "\\#").replace("\n", " ");
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
