package dev.hype.runtime.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run test files, each in a fresh runtime, several at once on a pool of platform threads.
 *
 * <p>Each worker thread creates, uses and closes its file's runtime, as runtimes are confined to
 * their thread. Results reach the {@link TestListener} in discovery order. With fail-fast, a file
 * stops only for failures in files before it (or itself), so what is reported is deterministic:
 * every file up to and including the first failing one.
 */
public final class TestRunner {
    private static final long WORKER_STACK_BYTES = 16L << 20;

    private final TestFileHost host;

    /** Create a runner whose files run in runtimes made by {@code host}. */
    public TestRunner(TestFileHost host) {
        this.host = host;
    }

    /** Run the files and return the summary; results also stream to {@code listener}. */
    public TestSummary run(List<TestFile> files, TestOptions options, TestListener listener) {
        long start = System.nanoTime();
        listener.started(files);
        CoverageCollector coverage = options.coverage() ? new CoverageCollector() : null;
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        int jobs = Math.max(1, Math.min(options.jobs(), files.size()));
        List<FileResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(jobs,
                Thread.ofPlatform().name("hype-test-", 1).stackSize(WORKER_STACK_BYTES).daemon(true).factory());
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                TestFile file = files.get(i);
                futures.add(pool.submit(() -> runOne(index, file, options, firstFailure, coverage)));
            }
            for (Future<FileResult> future : futures) {
                FileResult result = await(future);
                if (result == null) {
                    break;
                }
                results.add(result);
                listener.fileFinished(result);
                if (options.failFast() && result.failed()) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            awaitTermination(pool);
        }
        Optional<CoverageReport> report = coverage == null ? Optional.empty()
                : Optional.of(coverage.report(options.packageRoot(), options.baseDirectory(),
                        files.stream().map(TestFile::path).toList()));
        TestSummary summary = new TestSummary(results, Duration.ofNanos(System.nanoTime() - start), report);
        listener.finished(summary);
        return summary;
    }

    private FileResult runOne(int index, TestFile file, TestOptions options, AtomicInteger firstFailure,
                              CoverageCollector coverage) {
        if (options.failFast() && firstFailure.get() < index) {
            return null;
        }
        FileSession session = new FileSession(file, options,
                () -> options.failFast() && firstFailure.get() < index, coverage);
        FileResult result = session.run(host);
        if (options.failFast() && result.failed()) {
            firstFailure.accumulateAndGet(index, Math::min);
        }
        return result;
    }

    private static FileResult await(Future<FileResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a test file", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static void awaitTermination(ExecutorService pool) {
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
