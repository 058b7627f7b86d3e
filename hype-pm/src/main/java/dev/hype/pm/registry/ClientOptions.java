package dev.hype.pm.registry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tune how a client talks to registries.
 *
 * @param cacheDirectory where packuments are cached with their ETag and Last-Modified, or {@code null} for no cache
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer
 * @param attempts how many times to try a request that fails with a 5xx or a connection error (at least 1)
 * @param backoff the wait before the second attempt; it doubles before each later one
 * @param offline whether to answer packuments from the cache only, never touching the network
 */
public record ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                            Duration backoff, boolean offline) {

    /** Check the values. */
    public ClientOptions {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** Return the defaults: cache in {@code cacheDirectory}, 10 s to connect, 60 s per request, 3 attempts from 200 ms. */
    public static ClientOptions defaults(Path cacheDirectory) {
        return new ClientOptions(cacheDirectory, Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
            Duration.ofMillis(200), false);
    }

    /** Return the options of an online client with the given timeouts and retries. */
    public ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                         Duration backoff) {
        this(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, false);
    }

    /** Return these options with offline mode on or off. */
    public ClientOptions withOffline(boolean value) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, value);
    }

    /** Return these options with another backoff. */
    public ClientOptions withBackoff(Duration value) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, value, offline);
    }
}
