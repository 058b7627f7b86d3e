package dev.hype.pm.rocks.server;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.Rockspec;
import dev.hype.pm.rocks.build.ArchiveExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read the rocks the configured LuaRocks servers offer: each rock's versions (from the servers' manifests, first
 * server first), rockspecs and archives, each fetched once per run. Thread-safe.
 */
public final class RockRepository implements AutoCloseable {
    /** The forms of a rock Hype installs, preferred first: the platform-free binary rock, then the source rock. */
    static final List<String> ARCHES = List.of("all", "src");

    private final RocksConfig config;
    private final ClientOptions options;
    private final RockPlatform platform;
    private final Map<URI, RockServer> servers = new ConcurrentHashMap<>();
    private final Map<String, List<Listing>> listings = new ConcurrentHashMap<>();
    private final Map<String, Rockspec> rockspecs = new ConcurrentHashMap<>();
    private final Map<String, Archive> archives = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    /** Create a repository over the servers {@code config} names. */
    public RockRepository(RocksConfig config, ClientOptions options, RockPlatform platform) {
        this.config = config;
        this.options = options;
        this.platform = platform;
    }

    /**
     * One version of a rock on a server.
     *
     * @param version the version
     * @param server the first server that lists it
     * @param arches the forms that server has it in
     */
    public record Listing(RockVersion version, RockServer server, Set<String> arches) {
        /** Return the form Hype installs: {@code all} if the server has it, else {@code src}, else empty. */
        public Optional<String> installable() {
            return ARCHES.stream().filter(arches::contains).findFirst();
        }
    }

    /**
     * One downloaded rock archive.
     *
     * @param fileName its name on the server, such as {@code penlight-1.14.0-3.src.rock}
     * @param url where it was downloaded from
     * @param bytes its content
     */
    public record Archive(String fileName, URI url, byte[] bytes) {
    }

    /** Return the configuration. */
    public RocksConfig config() {
        return config;
    }

    /** Return the platform rockspecs are read for. */
    public RockPlatform platform() {
        return platform;
    }

    /** Return the server at {@code url}, opened once. */
    public RockServer server(URI url) {
        return servers.computeIfAbsent(url, u -> RockServer.open(u, options, httpClient()));
    }

    private synchronized HttpClient httpClient() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(options.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /** Return every version of {@code rock} the servers list with a revision, oldest first; empty when none. */
    public List<Listing> listings(String rock) {
        return listings.computeIfAbsent(rock, name -> {
            Map<String, Listing> byText = new LinkedHashMap<>();
            for (URI url : config.serversFor(name)) {
                add(byText, server(url), server(url).manifest(), name);
            }
            if (byText.isEmpty()) {
                // Not for Lua 5.4: list the other versions, whose rockspecs then say which Lua they want.
                for (URI url : config.serversFor(name)) {
                    add(byText, server(url), server(url).allManifest(), name);
                }
            }
            List<Listing> sorted = new ArrayList<>(byText.values());
            sorted.sort(Comparator.comparing(l -> l.version().toVersion()));
            return List.copyOf(sorted);
        });
    }

    private static void add(Map<String, Listing> byText, RockServer server, RockManifest manifest, String rock) {
        manifest.versions(rock).forEach((text, arches) -> {
            RockVersion version = RockVersion.parse(text);
            if (version.hasRevision() && !byText.containsKey(text)) {
                byText.put(text, new Listing(version, server, arches));
            }
        });
    }

    /** Return the versions of {@code rock} Hype can install ({@code .all.rock} or {@code .src.rock}), oldest first. */
    public List<RockVersion> installable(String rock) {
        return listings(rock).stream().filter(l -> l.installable().isPresent()).map(Listing::version).toList();
    }

    /** Return the names of the rocks the servers list whose name contains {@code text} (case-insensitive), sorted. */
    public List<String> search(String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (URI url : config.servers()) {
            server(url).manifest().rocks().keySet().stream().filter(n -> n.contains(needle)).forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** Return the listing of one version, if a server lists it. */
    public Optional<Listing> listing(String rock, String version) {
        return listings(rock).stream().filter(l -> l.version().text().equals(version)).findFirst();
    }

    /**
     * Return the rockspec of one listed version: the server's {@code .rockspec}, else the one inside its rock.
     *
     * @throws RockException when the server has neither, or it cannot be read
     */
    public Rockspec rockspec(String rock, String version) {
        return rockspecs.computeIfAbsent(rock + " " + version, key -> {
            Listing listing = listing(rock, version).orElseThrow(() -> notListed(rock, version));
            String fileName = rock + "-" + version + ".rockspec";
            Optional<byte[]> bytes = listing.server().file(fileName);
            if (bytes.isEmpty()) {
                Archive archive = archive(rock, version);
                bytes = Optional.of(ArchiveExtractor.entry(archive.bytes(), fileName, archive.fileName()));
            }
            Rockspec spec = Rockspec.read(bytes.get(), listing.server().fileUrl(fileName).toString(), platform);
            if (!spec.name().equals(rock) || !spec.version().equals(version)) {
                throw new RockException(RockException.E_ROCK_ARCHIVE, listing.server().fileUrl(fileName)
                        + " says " + spec.name() + " " + spec.version() + ", not " + rock + " " + version,
                        List.of("the server's files do not match its manifest"));
            }
            return spec;
        });
    }

    /**
     * Return the archive Hype installs for one listed version ({@code .all.rock}, else {@code .src.rock}),
     * downloaded once.
     *
     * @throws RockException when the server has neither form, or does not serve the file
     */
    public Archive archive(String rock, String version) {
        return archives.computeIfAbsent(rock + " " + version, key -> {
            Listing listing = listing(rock, version).orElseThrow(() -> notListed(rock, version));
            String arch = listing.installable().orElseThrow(() -> new RockException(RockException.E_ROCK_SERVER,
                    RockName.of(rock) + "@" + version + " is published on " + listing.server().url() + " only as "
                            + String.join(", ", listing.arches()) + "; Hype installs .all.rock and .src.rock files",
                    List.of("pick a version published as a source rock ('hype pkg info " + RockName.of(rock) + "')")));
            String fileName = rock + "-" + version + "." + arch + ".rock";
            byte[] bytes = listing.server().file(fileName).orElseThrow(() -> new RockException(
                    RockException.E_ROCK_SERVER, listing.server().url() + " lists " + fileName
                    + " in its manifest but does not serve it", List.of("the server's manifest is out of date")));
            return new Archive(fileName, listing.server().fileUrl(fileName), bytes);
        });
    }

    /** Return an archive downloaded in this run from {@code url}, if any. */
    Optional<Archive> downloaded(URI url) {
        return archives.values().stream().filter(a -> a.url().equals(url)).findFirst();
    }

    private static RockException notListed(String rock, String version) {
        return new RockException(RockException.E_ROCK_SERVER, "no configured LuaRocks server lists "
                + RockName.of(rock) + "@" + version, List.of("'hype pkg info " + RockName.of(rock)
                + "' lists the versions the servers have"));
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }
}
