package dev.hype.pm.registry;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Tune how a client talks to registries.
 *
 * @param cacheDirectory where packuments are cached with their ETag and Last-Modified, or {@code null} for no cache
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long one attempt may take in all: the headers and the whole body
 * @param attempts how many times to try a request that fails with a 5xx, a 429 or a connection error (at least 1)
 * @param backoff the wait before the second attempt; it doubles before each later one
 * @param offline whether to answer packuments from the cache only, never touching the network
 * @param readTimeout how long the body may go without a single byte arriving
 * @param maxResponseBytes the largest body accepted; a longer one is cut off with an error
 * @param freshCache whether to answer a packument from the cache, without asking, while the registry's
 *                   {@code Cache-Control: max-age} says it is fresh, as npm's cache does; off, every cached packument is
 *                   revalidated (npm's {@code --prefer-online}). {@code hype pkg info} turns it on; installs, updates
 *                   and {@code outdated} keep it off, so they see a version published a moment ago.
 */
public record ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                            Duration backoff, boolean offline, Duration readTimeout, long maxResponseBytes,
                            boolean freshCache) {
    /** The default read timeout: 20 s without a byte. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    /** The default body limit: 100 MiB, twice what {@code hype registry serve} accepts in a publish. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 100L << 20;
    /** The longest {@code Retry-After} a client waits before retrying a 429 or 503; a longer one fails at once. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    /** Check the values. */
    public ClientOptions {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
    }

    /**
     * Return the defaults: cache in {@code cacheDirectory}, 10 s to connect, 60 s per request (headers and body), 20 s
     * at most without a byte, 3 attempts from 200 ms, bodies up to 100 MiB.
     */
    public static ClientOptions defaults(Path cacheDirectory) {
        return new ClientOptions(cacheDirectory, Duration.ofSeconds(10), Duration.ofSeconds(60), 3,
            Duration.ofMillis(200), false, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** Return the options of a client that revalidates every cached packument. */
    public ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                         Duration backoff, boolean offline, Duration readTimeout, long maxResponseBytes) {
        this(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, offline, readTimeout, maxResponseBytes,
            false);
    }

    /** Return the options of a client with the given timeouts, retries and offline mode, and default body bounds. */
    public ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                         Duration backoff, boolean offline) {
        this(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, offline,
            requestTimeout.compareTo(DEFAULT_READ_TIMEOUT) < 0 ? requestTimeout : DEFAULT_READ_TIMEOUT,
            DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** Return the options of an online client with the given timeouts and retries. */
    public ClientOptions(Path cacheDirectory, Duration connectTimeout, Duration requestTimeout, int attempts,
                         Duration backoff) {
        this(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, false);
    }

    /** Return these options with offline mode on or off. */
    public ClientOptions withOffline(boolean value) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, value, readTimeout,
            maxResponseBytes, freshCache);
    }

    /** Return these options using fresh cached packuments without asking ({@code true}) or revalidating them. */
    public ClientOptions withFreshCache(boolean value) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, offline, readTimeout,
            maxResponseBytes, value);
    }

    /** Return these options with another backoff. */
    public ClientOptions withBackoff(Duration value) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, value, offline, readTimeout,
            maxResponseBytes, freshCache);
    }

    /** Return these options with another read timeout and body limit. */
    public ClientOptions withBodyBounds(Duration read, long maxBytes) {
        return new ClientOptions(cacheDirectory, connectTimeout, requestTimeout, attempts, backoff, offline, read,
            maxBytes, freshCache);
    }
}
