package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.pack.PackResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Send each package's requests to the registry its scope names, over one shared HTTP client. */
final class RoutingRegistryClient implements RegistryClient {

    /** The operations one registry answers, over HTTP or from a directory. */
    private sealed interface Backend permits Http, File {
    }

    private record Http(HttpRegistryClient client) implements Backend {
    }

    private record File(FileRegistryClient client) implements Backend {
    }

    private final RegistryConfig config;
    private final ClientOptions options;
    private final Map<URI, Backend> backends = new ConcurrentHashMap<>();
    private volatile HttpClient http;

    RoutingRegistryClient(RegistryConfig config, ClientOptions options) {
        this.config = config;
        this.options = options;
    }

    @Override
    public URI registryFor(String packageName) {
        return config.registryFor(packageName);
    }

    private Backend backend(URI registry) {
        return backends.computeIfAbsent(registry, url -> "file".equalsIgnoreCase(url.getScheme())
            ? new File(new FileRegistryClient(url))
            : new Http(new HttpRegistryClient(url, config, options, this::httpClient)));
    }

    private synchronized HttpClient httpClient() {
        if (http == null) {
            http = HttpRegistryClient.newHttpClient(options);
        }
        return http;
    }

    private Backend forPackage(String name) {
        return backend(registryFor(name));
    }

    @Override
    public Packument packument(String name, Form form) {
        // instanceof rather than a pattern switch: the switch's bootstrap spins classes at run time that no AOT cache
        // holds, a cost every `hype pkg info` paid.
        Backend backend = forPackage(name);
        return backend instanceof Http h ? h.client().packument(name, form)
            : ((File) backend).client().packument(name, form);
    }

    @Override
    public JsonNode version(String name, String versionOrTag) {
        return switch (forPackage(name)) {
            case Http h -> h.client().version(name, versionOrTag);
            case File f -> f.client().version(name, versionOrTag);
        };
    }

    @Override
    public Tarball download(String name, String version, Dist dist) {
        return switch (forPackage(name)) {
            case Http h -> h.client().download(name, version, dist);
            case File f -> f.client().download(name, version, dist);
        };
    }

    @Override
    public List<Tarball> downloadAll(List<TarballRequest> requests) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Tarball>> futures = requests.stream()
                .map(r -> pool.submit(() -> download(r.name(), r.version(), r.dist()))).toList();
            List<Tarball> results = new java.util.ArrayList<>();
            for (Future<Tarball> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading", e);
        }
    }

    @Override
    public List<SearchHit> search(String text, int size) {
        return switch (backend(config.registry())) {
            case Http h -> h.client().search(text, size);
            case File f -> f.client().search(text, size);
        };
    }

    @Override
    public Map<String, String> distTags(String name) {
        return switch (forPackage(name)) {
            case Http h -> h.client().distTags(name);
            case File f -> f.client().distTags(name);
        };
    }

    @Override
    public void setDistTag(String name, String tag, String version) {
        switch (forPackage(name)) {
            case Http h -> h.client().setDistTag(name, tag, version);
            case File f -> f.client().setDistTag(name, tag, version);
        }
    }

    @Override
    public void removeDistTag(String name, String tag) {
        switch (forPackage(name)) {
            case Http h -> h.client().removeDistTag(name, tag);
            case File f -> f.client().removeDistTag(name, tag);
        }
    }

    @Override
    public void setOwners(String name, List<String> owners) {
        switch (forPackage(name)) {
            case Http h -> h.client().setOwners(name, owners);
            case File f -> f.client().setOwners(name, owners);
        }
    }

    @Override
    public boolean userExists(String packageName, String user) {
        return switch (forPackage(packageName)) {
            case Http h -> h.client().userExists(packageName, user);
            case File f -> true;
        };
    }

    @Override
    public URI publish(PackResult packed, JsonNode manifest, String tag) {
        return switch (forPackage(packed.name())) {
            case Http h -> h.client().publish(packed, manifest, tag);
            case File f -> f.client().publish(packed, manifest, tag);
        };
    }

    @Override
    public void deprecate(String name, Map<String, String> messages) {
        switch (forPackage(name)) {
            case Http h -> h.client().deprecate(name, messages);
            case File f -> f.client().deprecate(name, messages);
        }
    }

    @Override
    public void unpublish(String name, String version) {
        switch (forPackage(name)) {
            case Http h -> h.client().unpublish(name, version);
            case File f -> f.client().unpublish(name, version);
        }
    }

    @Override
    public String login(String user, String password) {
        return account().login(user, password);
    }

    @Override
    public String whoami() {
        return account().whoami();
    }

    @Override
    public void logout(String token) {
        account().logout(token);
    }

    @Override
    public List<RegistryToken> tokens() {
        return account().tokens();
    }

    @Override
    public RegistryToken createToken(String password, boolean readonly, List<String> cidrs) {
        return account().createToken(password, readonly, cidrs);
    }

    @Override
    public void revokeToken(String key) {
        account().revokeToken(key);
    }

    @Override
    public boolean hasCredentials(String packageName) {
        URI registry = registryFor(packageName);
        return "file".equalsIgnoreCase(registry.getScheme()) || config.tokenFor(registry).isPresent();
    }

    @Override
    public URI registry() {
        return config.registry();
    }

    /** Return the client of the default registry for account requests; a {@code file:} registry has no accounts. */
    private HttpRegistryClient account() {
        return switch (backend(config.registry())) {
            case Http h -> h.client();
            case File f -> throw new RegistryException(RegistryException.E_BAD_RESPONSE, config.registry()
                + " is a file: registry; it has no accounts or tokens", config.registry().toString(), null, 0,
                List.of("log in to an http(s) registry: pass --registry URL, or set \"registry\" in "
                    + "~/.hype/config.json"), null);
        };
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
            http = null;
        }
    }
}
