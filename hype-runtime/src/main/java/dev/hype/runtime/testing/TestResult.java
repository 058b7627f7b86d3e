package dev.hype.runtime.testing;

import java.time.Duration;

/**
 * The result of one test, or of an error outside any test.
 *
 * @param path       the names of the enclosing describe blocks, joined by spaces; empty at top level
 * @param name       the test's own name
 * @param status     the outcome
 * @param location   {@code file:line} where the test is declared
 * @param failedAt   {@code file:line} of the failing assertion or error, or empty
 * @param message    the failure message (expected, actual, diff), or the pending reason, or empty
 * @param traceback  the Lua traceback of a failure, or empty
 * @param duration   how long the test and its hooks took
 */
public record TestResult(String path, String name, TestStatus status, String location, String failedAt,
                         String message, String traceback, Duration duration) {

    /** Return the full name busted prints: the describe path and the test name. */
    public String fullName() {
        return path.isEmpty() ? name : path + " " + name;
    }
}
