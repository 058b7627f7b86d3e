/**
 * Talk to npm-protocol registries: packuments, versions, tarballs, search, dist-tags and publish.
 *
 * <p>{@link dev.hype.pm.registry.RegistryClient#create(RegistryConfig, ClientOptions)} returns a client for
 * the registries a {@link dev.hype.pm.registry.RegistryConfig} names ({@code http(s)://} or {@code file:});
 * {@link dev.hype.pm.registry.RegistryConfigReader} reads that config from {@code ~/.hype/config.json} and
 * {@code .hyperc.json}; {@link dev.hype.pm.registry.RegistryPackageSource} lets the resolver ask a registry.
 * Failures are {@link dev.hype.pm.registry.RegistryException}s with stable codes.
 */
package dev.hype.pm.registry;
