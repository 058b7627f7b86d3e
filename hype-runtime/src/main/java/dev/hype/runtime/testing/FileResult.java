package dev.hype.runtime.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The results of one test file.
 *
 * @param file        the file
 * @param displayName the file as reports show it, relative to the working directory when inside it
 * @param tests       the results in the order they ran
 * @param output      what the file printed to standard output
 * @param duration    the time from creating the runtime to closing it
 */
public record FileResult(Path file, String displayName, List<TestResult> tests, String output, Duration duration) {

    /** Copy the list on the way in. */
    public FileResult {
        tests = List.copyOf(tests);
    }

    /** Return the number of tests with the given status. */
    public long count(TestStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    /** Return whether any test in the file failed or errored. */
    public boolean failed() {
        return tests.stream().anyMatch(t -> t.status().failing());
    }
}
