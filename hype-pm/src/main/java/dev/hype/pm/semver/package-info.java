/**
 * Parse semantic versions and npm-style ranges, and compute with exact sets of versions.
 *
 * <p>{@link dev.hype.pm.semver.Version} follows SemVer 2.0 and node-semver's parsing, ordering,
 * {@code inc} and {@code coerce}. {@link dev.hype.pm.semver.Range} follows npm's range grammar and
 * node-semver's meaning, plus the Lyra {@code MIN..MAX} form. {@link dev.hype.pm.semver.VersionSet}
 * is the closed algebra (union, intersection, complement) the resolver works on.
 */
package dev.hype.pm.semver;
