/**
 * Keep every package tarball ever installed, unpacked once per machine under its content hash.
 *
 * <p>{@link dev.hype.pm.store.Store#ensure} returns the unpacked directory of a {@link dev.hype.pm.store.PackageRef},
 * fetching the tarball through a {@link dev.hype.pm.store.TarballFetcher} only when the store lacks it. The
 * registry client implements the fetcher and the {@link dev.hype.pm.store.DistSource}; this package provides
 * {@link dev.hype.pm.store.FileTarballFetcher} for {@code file:} URLs and {@link dev.hype.pm.store.IndexDistSource}
 * for static index files. The layout is described in {@code docs/packages.md}.
 */
package dev.hype.pm.store;
