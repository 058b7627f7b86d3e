/**
 * The test runner behind {@code hype test}: discovery of test files, one fresh runtime per file on
 * a pool of threads, the busted-compatible {@code hype:test} API, results, and line coverage.
 *
 * <p>How a test file's runtime is created is one seam, {@link dev.hype.runtime.testing.TestFileHost}.
 */
package dev.hype.runtime.testing;
