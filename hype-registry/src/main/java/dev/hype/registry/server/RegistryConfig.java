package dev.hype.registry.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configure a registry server.
 *
 * @param host the address to bind, e.g. {@code 127.0.0.1} (the default) or {@code 0.0.0.0}
 * @param port the port to bind; 0 picks a free one
 * @param storage the storage directory
 * @param privateMode whether reads need a token too
 * @param allowSignup whether {@code npm adduser}/{@code npm login} may create accounts and get
 *     tokens; when off, tokens come only from {@code hype registry token create}
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param shutdownGrace how long {@code close()} waits for requests in flight
 * @param accessLog where each request is recorded
 * @param publicUrl the base URL written into tarball links, or {@code null} to derive it from
 *     each request's {@code Host} header
 * @param requestTimeout how long a client has to send a whole request, headers and body; a connection that takes
 *     longer (a client sending its headers a byte at a time, or stalling its body) is closed. It is set for the
 *     whole process when the first server starts ({@code sun.net.httpserver.maxReqTime}, in whole seconds).
 */
public record RegistryConfig(String host, int port, Path storage, boolean privateMode, boolean allowSignup,
                             long maxBodyBytes, Duration shutdownGrace, AccessLog accessLog, URI publicUrl,
                             Duration requestTimeout) {

    /** The port npm-protocol registries customarily use. */
    public static final int DEFAULT_PORT = 4873;
    /** The default request body limit: 50 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 50L << 20;
    /** The default request timeout: 15 s to send headers and body, enough for 50 MiB at 30 Mbit/s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** Check the values. */
    public RegistryConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(accessLog, "accessLog");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("requestTimeout must be at least 1 s: " + requestTimeout);
        }
    }

    /** Create a configuration with the default request timeout. */
    public RegistryConfig(String host, int port, Path storage, boolean privateMode, boolean allowSignup,
                          long maxBodyBytes, Duration shutdownGrace, AccessLog accessLog, URI publicUrl) {
        this(host, port, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, accessLog, publicUrl,
            DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * Return the defaults for {@code storage}: 127.0.0.1:4873, public, no sign-up, 50 MiB, 10 s grace, no log, 15 s
     * per request.
     */
    public static RegistryConfig defaults(Path storage) {
        return new RegistryConfig("127.0.0.1", DEFAULT_PORT, storage, false, false, DEFAULT_MAX_BODY_BYTES,
            Duration.ofSeconds(10), AccessLog.discard(), null);
    }

    /** Return a copy binding {@code newHost}. */
    public RegistryConfig withHost(String newHost) {
        return new RegistryConfig(newHost, port, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy binding {@code newPort}. */
    public RegistryConfig withPort(int newPort) {
        return new RegistryConfig(host, newPort, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy with reads requiring a token, or not. */
    public RegistryConfig withPrivateMode(boolean value) {
        return new RegistryConfig(host, port, storage, value, allowSignup, maxBodyBytes, shutdownGrace, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy allowing {@code npm adduser} to create accounts, or not. */
    public RegistryConfig withAllowSignup(boolean value) {
        return new RegistryConfig(host, port, storage, privateMode, value, maxBodyBytes, shutdownGrace, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy with another request body limit. */
    public RegistryConfig withMaxBodyBytes(long value) {
        return new RegistryConfig(host, port, storage, privateMode, allowSignup, value, shutdownGrace, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy with another shutdown grace period. */
    public RegistryConfig withShutdownGrace(Duration value) {
        return new RegistryConfig(host, port, storage, privateMode, allowSignup, maxBodyBytes, value, accessLog, publicUrl, requestTimeout);
    }

    /** Return a copy recording requests to {@code log}. */
    public RegistryConfig withAccessLog(AccessLog log) {
        return new RegistryConfig(host, port, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, log, publicUrl, requestTimeout);
    }

    /** Return a copy writing {@code url} into tarball links instead of the {@code Host} header. */
    public RegistryConfig withPublicUrl(URI url) {
        return new RegistryConfig(host, port, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, accessLog, url, requestTimeout);
    }

    /** Return a copy giving clients {@code value} to send a whole request. */
    public RegistryConfig withRequestTimeout(Duration value) {
        return new RegistryConfig(host, port, storage, privateMode, allowSignup, maxBodyBytes, shutdownGrace, accessLog,
            publicUrl, value);
    }
}
