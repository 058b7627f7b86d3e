/**
 * Say what a package's {@code features} mean, for the manifest reader and the resolver alike.
 *
 * <p>{@link dev.hype.pm.features.FeatureEntry} reads one entry of a feature's list ({@code name}, {@code dep:name},
 * {@code dep/feature}, {@code dep?/feature}); {@link dev.hype.pm.features.FeatureTable} holds one package version's
 * features with the names of its dependencies and says which features exist and why an entry is invalid.
 */
package dev.hype.pm.features;
