/**
 * Read LuaRocks servers and answer the installer about rocks.
 *
 * <p>{@link dev.hype.pm.rocks.server.RockServer} reads one server (HTTP or a folder): its manifests, rockspecs and
 * rocks. {@link dev.hype.pm.rocks.server.RockRepository} merges the servers {@link
 * dev.hype.pm.rocks.server.RocksConfig} names; over it, {@link dev.hype.pm.rocks.server.RockSource} answers the
 * resolver, {@link dev.hype.pm.rocks.server.RockDists} locates archives (their sha512 becomes the lockfile's
 * integrity) and {@link dev.hype.pm.rocks.server.RockFetcher} downloads them for the store.
 */
package dev.hype.pm.rocks.server;
