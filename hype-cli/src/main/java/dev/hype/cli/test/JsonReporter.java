package dev.hype.cli.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hype.runtime.testing.FileResult;
import dev.hype.runtime.testing.TestResult;
import dev.hype.runtime.testing.TestSummary;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Report as one JSON document when the run ends: a summary, then every file and test. */
final class JsonReporter implements Reporter {
    private final PrintStream out;

    JsonReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void fileFinished(FileResult result) {
        // The document is written whole at the end.
    }

    @Override
    public void finished(TestSummary summary) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("passed", summary.passed());
        totals.put("failed", summary.failed());
        totals.put("skipped", summary.skipped());
        totals.put("duration", seconds(summary.duration().toNanos()));
        doc.put("summary", totals);
        List<Object> files = new ArrayList<>();
        for (FileResult file : summary.files()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", file.displayName());
            f.put("duration", seconds(file.duration().toNanos()));
            f.put("output", file.output());
            List<Object> tests = new ArrayList<>();
            for (TestResult test : file.tests()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("name", test.name());
                t.put("describe", test.path());
                t.put("fullName", test.fullName());
                t.put("status", test.status().name().toLowerCase(Locale.ROOT));
                t.put("location", test.location());
                t.put("failedAt", test.failedAt());
                t.put("message", test.message());
                t.put("traceback", test.traceback());
                t.put("duration", seconds(test.duration().toNanos()));
                tests.add(t);
            }
            f.put("tests", tests);
            files.add(f);
        }
        doc.put("files", files);
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e3) / 1e6;
    }
}
