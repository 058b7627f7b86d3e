package dev.hype.pm.install;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run one step of an install for every package on a few threads: reading the packages' {@code hype.json} and linking
 * their files are each a few syscalls and a little cold code per package, which one thread does one after another.
 *
 * <p>Results come back in the order of the items, and a failure is the one of the first item (in that order) that
 * failed, so that an install reports the same error whatever the threads' timing.
 */
public final class Parallel {
    /** Threads per step: the machine's cores, at least two (the work waits on the disk), at most four. */
    private static final int THREADS = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 4);

    private Parallel() {
    }

    /** What to do for one item. */
    @FunctionalInterface
    public interface Step<T, R> {
        /** Return the result for {@code item}. */
        R apply(T item) throws IOException;
    }

    /**
     * Return {@code step} applied to each of {@code items}, in their order.
     *
     * @throws IOException the first item's (in order) that failed with one; a {@link RuntimeException} or
     *     {@link Error} likewise, as thrown
     */
    public static <T, R> List<R> map(List<T> items, Step<T, R> step) throws IOException {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger(n);
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n && i < failed.get(); i = next.getAndIncrement()) {
                try {
                    results[i] = step.apply(items.get(i));
                } catch (IOException | RuntimeException | Error e) {
                    failures[i] = e;
                    failed.accumulateAndGet(i, Math::min); // items after the first failure need not run
                }
            }
        };
        int threads = Math.min(THREADS, n);
        List<Thread> started = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            started.add(Thread.ofPlatform().daemon().name("hype-install-" + t).start(worker));
        }
        worker.run();
        boolean interrupted = false;
        for (Thread thread : started) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // instanceof rather than a pattern switch, whose bootstrap spins a class at each start that no AOT cache holds
        for (Throwable failure : failures) {
            if (failure instanceof IOException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }
}
