package dev.hype.runtime.testing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a run.
 *
 * @param files    the results of the files that ran, in discovery order
 * @param duration the wall-clock time of the run
 * @param coverage line coverage, when it was asked for
 */
public record TestSummary(List<FileResult> files, Duration duration, Optional<CoverageReport> coverage) {

    /** Copy the list on the way in. */
    public TestSummary {
        files = List.copyOf(files);
    }

    /** Return the number of passed tests. */
    public long passed() {
        return count(TestStatus.PASSED);
    }

    /** Return the number of failed or errored tests. */
    public long failed() {
        return count(TestStatus.FAILED) + count(TestStatus.ERROR);
    }

    /** Return the number of pending tests. */
    public long skipped() {
        return count(TestStatus.PENDING);
    }

    /** Return whether the run passed: nothing failed or errored. */
    public boolean ok() {
        return failed() == 0;
    }

    private long count(TestStatus status) {
        return files.stream().mapToLong(f -> f.count(status)).sum();
    }
}
