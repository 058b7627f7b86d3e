package dev.hype.registry.server;

import java.net.URI;

/**
 * Run an npm-protocol registry: a handle on a started server.
 *
 * <p>{@link #close()} stops accepting connections, lets requests in flight finish for up to
 * {@link RegistryConfig#shutdownGrace()}, then stops.
 */
public interface RegistryServer extends AutoCloseable {

    /**
     * Start a server as {@code config} says and return once it accepts connections.
     *
     * @throws RegistryException with code {@code E_REGISTRY_START} when the address cannot be
     *     bound or the storage cannot be created
     */
    static RegistryServer start(RegistryConfig config) {
        return HttpRegistryServer.start(config);
    }

    /** Return the port the server listens on (the chosen one when the config said 0). */
    int port();

    /** Return the server's base URL, e.g. {@code http://127.0.0.1:4873/}. */
    URI baseUri();

    /**
     * Block until {@link #close()} has finished, e.g. from a shutdown hook; this is how
     * {@code hype registry serve} waits.
     */
    void awaitClose() throws InterruptedException;

    /** Stop the server gracefully; calling it again does nothing. */
    @Override
    void close();
}
