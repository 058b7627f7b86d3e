package dev.hype.cli.test;

import dev.hype.runtime.testing.FileResult;
import dev.hype.runtime.testing.TestResult;
import dev.hype.runtime.testing.TestStatus;
import dev.hype.runtime.testing.TestSummary;
import java.io.PrintStream;
import java.util.Locale;

/** Report as JUnit XML for CI systems: a {@code testsuite} per file, a {@code testcase} per test. */
final class JunitReporter implements Reporter {
    private final PrintStream out;

    JunitReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void fileFinished(FileResult result) {
        // The document is written whole at the end, when the totals are known.
    }

    @Override
    public void finished(TestSummary summary) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long failures = summary.files().stream().mapToLong(f -> f.count(TestStatus.FAILED)).sum();
        long errors = summary.files().stream().mapToLong(f -> f.count(TestStatus.ERROR)).sum();
        xml.append("<testsuites name=\"hype test\"")
                .append(attr("tests", summary.passed() + summary.failed() + summary.skipped()))
                .append(attr("failures", failures)).append(attr("errors", errors))
                .append(attr("skipped", summary.skipped()))
                .append(attr("time", seconds(summary.duration().toNanos()))).append(">\n");
        for (FileResult file : summary.files()) {
            xml.append("  <testsuite").append(attr("name", file.displayName()))
                    .append(attr("tests", file.tests().size()))
                    .append(attr("failures", file.count(TestStatus.FAILED)))
                    .append(attr("errors", file.count(TestStatus.ERROR)))
                    .append(attr("skipped", file.count(TestStatus.PENDING)))
                    .append(attr("time", seconds(file.duration().toNanos()))).append(">\n");
            for (TestResult test : file.tests()) {
                xml.append("    <testcase").append(attr("name", test.fullName()))
                        .append(attr("classname", file.displayName()))
                        .append(attr("file", file.displayName()))
                        .append(attr("time", seconds(test.duration().toNanos())));
                switch (test.status()) {
                    case PASSED -> xml.append("/>\n");
                    case PENDING -> xml.append(">\n      <skipped").append(attr("message",
                            test.message().isEmpty() ? "pending" : test.message())).append("/>\n    </testcase>\n");
                    case FAILED, ERROR -> {
                        String element = test.status() == TestStatus.FAILED ? "failure" : "error";
                        String where = test.failedAt().isEmpty() ? test.location() : test.failedAt();
                        String firstLine = test.message().lines().findFirst().orElse("");
                        xml.append(">\n      <").append(element).append(attr("message", firstLine))
                                .append(attr("type", element)).append(">")
                                .append(text(where + "\n" + test.message()
                                        + (test.traceback().isEmpty() ? "" : "\n" + test.traceback())))
                                .append("</").append(element).append(">\n    </testcase>\n");
                    }
                }
            }
            if (!file.output().isEmpty()) {
                xml.append("    <system-out>").append(text(file.output())).append("</system-out>\n");
            }
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        out.print(xml);
        out.flush();
    }

    private static String attr(String name, Object value) {
        return " " + name + "=\"" + escape(String.valueOf(value), true) + "\"";
    }

    private static String text(String value) {
        return escape(value, false);
    }

    /** Escape markup and drop the characters XML 1.0 cannot hold at all. */
    static String escape(String value, boolean attribute) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                case '\r' -> out.append("&#13;");
                default -> {
                    boolean allowed = (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                            || (c >= 0x10000 && c <= 0x10FFFF);
                    if (allowed) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        });
        return out.toString();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
