/**
 * Serve packages over the npm registry protocol on the JDK's HTTP server.
 *
 * <p>{@link dev.hype.registry.server.RegistryServer#start(RegistryConfig)} binds the server and
 * returns a handle. Each request runs on its own virtual thread: the router picks a handler per
 * endpoint family (package reads, publish, unpublish, search, dist-tags, users), handlers read and write
 * through {@link dev.hype.registry.storage.PackageStore} and authenticate with
 * {@link dev.hype.registry.auth.TokenStore}, and every error answer is JSON
 * {@code {"error": "...", "reason": "..."}}.
 */
package dev.hype.registry.server;
