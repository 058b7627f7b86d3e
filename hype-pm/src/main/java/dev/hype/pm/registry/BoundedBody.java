package dev.hype.pm.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Read a response body within three bounds: a byte limit, a read timeout (the longest gap without a byte) and the
 * deadline of the whole request.
 *
 * <p>{@code HttpRequest.timeout} stops counting when the headers arrive (JDK 25; JDK-8208693 extends it to the body
 * only later), so a registry that stalls or drips mid-body would hold a read forever. A watchdog on one shared daemon
 * thread closes the stream when a bound passes, which ends the blocked read.
 */
final class BoundedBody {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "hype-http-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Which bound a body passed. */
    enum Bound { READ_TIMEOUT, DEADLINE, SIZE }

    /** Say that a body passed a bound, and how much of it had arrived. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Bound bound;
        private final long received;

        Exceeded(Bound bound, long received) {
            super(bound + " after " + received + " bytes");
            this.bound = bound;
            this.received = received;
        }

        Bound bound() {
            return bound;
        }

        long received() {
            return received;
        }
    }

    private BoundedBody() {
    }

    /**
     * Read all of {@code in}. {@code declaredLength} is the Content-Length (negative when unknown);
     * {@code deadlineNanos} is a {@link System#nanoTime()} value.
     *
     * @throws Exceeded when a bound passes
     * @throws IOException when the connection fails
     */
    static byte[] read(InputStream in, long declaredLength, long maxBytes, Duration readTimeout, long deadlineNanos)
            throws IOException {
        if (declaredLength > maxBytes) {
            in.close();
            throw new Exceeded(Bound.SIZE, 0);
        }
        Watch watch = new Watch(in, readTimeout.toNanos(), deadlineNanos);
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 8192);
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            watch.start();
            int n;
            while (true) {
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    Bound fired = watch.fired();
                    throw fired != null ? new Exceeded(fired, out.size()) : e;
                }
                if (n < 0) {
                    break;
                }
                if (out.size() + (long) n > maxBytes) {
                    throw new Exceeded(Bound.SIZE, out.size());
                }
                out.write(buffer, 0, n);
                watch.progress();
            }
            // the watchdog closes the stream, after which a read throws: an end of stream is the real end
            return out.toByteArray();
        } finally {
            watch.stop();
        }
    }

    /** Close the stream when no byte arrives for {@code idle} nanoseconds or the deadline passes. */
    private static final class Watch implements Runnable {
        private final InputStream in;
        private final long idle;
        private final long deadline;
        private volatile long lastProgress;
        private volatile Bound fired;
        private volatile boolean stopped;
        private java.util.concurrent.ScheduledFuture<?> next;

        Watch(InputStream in, long idle, long deadline) {
            this.in = in;
            this.idle = idle;
            this.deadline = deadline;
        }

        synchronized void start() {
            lastProgress = System.nanoTime();
            schedule(lastProgress);
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        Bound fired() {
            return fired;
        }

        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel(false);
            }
        }

        @Override
        public synchronized void run() {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                fire(Bound.DEADLINE);
            } else if (now - lastProgress >= idle) {
                fire(Bound.READ_TIMEOUT);
            } else {
                schedule(now);
            }
        }

        private void schedule(long now) {
            long wake = Math.min(lastProgress + idle, deadline);
            next = WATCHDOG.schedule(this, Math.max(1, wake - now), TimeUnit.NANOSECONDS);
        }

        private void fire(Bound bound) {
            fired = bound;
            try {
                in.close();
            } catch (IOException e) {
                // the blocked read ends either way
            }
        }
    }
}
