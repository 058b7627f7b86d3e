package dev.hype.cli;

import java.time.Duration;

/**
 * Stop the process when a script outlives its time limit and cannot be interrupted.
 *
 * <p>The engine's hook stops ordinary code at the limit. Lua runs {@code __gc} finalizers with
 * hooks disabled, so a finalizer that never returns cannot be interrupted from inside the state;
 * this last resort ends the process a grace period after the limit, with the same message.
 */
final class Watchdog implements AutoCloseable {
    private static final Duration GRACE = Duration.ofSeconds(2);
    private final Thread thread;

    private Watchdog(Thread thread) {
        this.thread = thread;
    }

    static Watchdog start(Duration timeout, Terminal terminal) {
        if (timeout.isZero()) {
            return new Watchdog(null);
        }
        Thread thread = Thread.ofPlatform().daemon().name("hype-watchdog").start(() -> {
            try {
                Thread.sleep(timeout.plus(GRACE));
            } catch (InterruptedException e) {
                return;
            }
            terminal.out().flush();
            long ms = timeout.toMillis();
            terminal.err().println("hype: script exceeded the time limit of " + (ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms")
                    + " and could not be interrupted (a __gc finalizer or a C function); stopping");
            terminal.err().flush();
            Runtime.getRuntime().halt(1);
        });
        return new Watchdog(thread);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
