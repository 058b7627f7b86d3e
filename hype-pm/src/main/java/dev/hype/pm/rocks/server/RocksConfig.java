package dev.hype.pm.rocks.server;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Say which LuaRocks servers serve rocks: the servers every rock is looked up on, in order, and a server of its own
 * for some rocks.
 *
 * @param servers the servers for every rock, first first (LuaRocks' {@code rocks_servers}); a version found on
 *     several comes from the first
 * @param packages a server for one rock, by rock name; that rock is looked up there only
 */
public record RocksConfig(List<URI> servers, Map<String, URI> packages) {
    /** The public LuaRocks server, used when nothing names one. */
    public static final URI DEFAULT_SERVER = URI.create("https://luarocks.org");

    /** Copy the collections. */
    public RocksConfig {
        servers = List.copyOf(servers);
        packages = Collections.unmodifiableMap(new TreeMap<>(packages));
    }

    /** Return the configuration that uses the public server for every rock. */
    public static RocksConfig defaults() {
        return new RocksConfig(List.of(DEFAULT_SERVER), Map.of());
    }

    /** Return a copy that looks every rock up on {@code urls} (for {@code --rocks-server}). */
    public RocksConfig withServers(List<URI> urls) {
        return new RocksConfig(urls, packages);
    }

    /** Return the servers to look {@code rock} up on, in order. */
    public List<URI> serversFor(String rock) {
        URI own = packages.get(rock);
        return own != null ? List.of(own) : servers;
    }
}
