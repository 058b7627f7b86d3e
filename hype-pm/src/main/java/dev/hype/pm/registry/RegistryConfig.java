package dev.hype.pm.registry;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Say which registry serves which package and which token goes to which host.
 *
 * @param registry the default registry, {@code http(s)://...} or {@code file:DIR}
 * @param scopes a registry per scope, keyed {@code @scope}
 * @param tokens a token per registry host, keyed {@code host:port} (or {@code host}, matching any port of
 *     that host); a token is sent only to a URL on its host
 */
public record RegistryConfig(URI registry, Map<String, URI> scopes, Map<String, String> tokens) {

    /** The registry used when nothing names one; the port Verdaccio and {@code hype registry serve} share. */
    public static final URI DEFAULT_REGISTRY = URI.create("http://localhost:4873");

    /** Normalise the URLs (no trailing {@code /}) and copy the maps. */
    public RegistryConfig {
        registry = normalise(registry);
        Map<String, URI> s = new LinkedHashMap<>();
        scopes.forEach((scope, url) -> s.put(scope.startsWith("@") ? scope : "@" + scope, normalise(url)));
        scopes = java.util.Collections.unmodifiableMap(s);
        Map<String, String> t = new LinkedHashMap<>();
        tokens.forEach((host, token) -> t.put(host.toLowerCase(Locale.ROOT), token));
        tokens = java.util.Collections.unmodifiableMap(t);
    }

    /** Return the configuration with only the default registry and no tokens. */
    public static RegistryConfig defaults() {
        return new RegistryConfig(DEFAULT_REGISTRY, Map.of(), Map.of());
    }

    /** Return a config with {@code url} (e.g. from {@code --registry}) as the default registry. */
    public RegistryConfig withRegistry(URI url) {
        return new RegistryConfig(url, scopes, tokens);
    }

    /** Return a config that sends {@code token} to the default registry's host (for {@code --token}, {@code HYPE_TOKEN}). */
    public RegistryConfig withToken(String token) {
        if (token == null || token.isBlank() || !isHttp(registry)) {
            return this;
        }
        Map<String, String> t = new LinkedHashMap<>(tokens);
        t.put(authority(registry), token);
        return new RegistryConfig(registry, scopes, t);
    }

    /** Return the registry serving {@code packageName}: its scope's, else the default. */
    public URI registryFor(String packageName) {
        if (packageName != null && packageName.startsWith("@")) {
            int slash = packageName.indexOf('/');
            URI scoped = scopes.get(slash < 0 ? packageName : packageName.substring(0, slash));
            if (scoped != null) {
                return scoped;
            }
        }
        return registry;
    }

    /** Return the token for {@code url}'s host, if one is configured; never one of another host. */
    public Optional<String> tokenFor(URI url) {
        if (!isHttp(url) || url.getHost() == null) {
            return Optional.empty();
        }
        String exact = tokens.get(authority(url));
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(tokens.get(url.getHost().toLowerCase(Locale.ROOT)));
    }

    /** Return every registry this config names, default first. */
    public List<URI> registries() {
        List<URI> all = new java.util.ArrayList<>(List.of(registry));
        scopes.values().stream().filter(u -> !all.contains(u)).forEach(all::add);
        return all;
    }

    /** Return {@code host:port} of an HTTP URL, with the scheme's default port filled in. */
    static String authority(URI url) {
        int port = url.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        }
        return url.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    static boolean isHttp(URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
    }

    private static URI normalise(URI url) {
        String text = url.toString();
        while (text.endsWith("/") && text.length() > 1 && !text.endsWith(":/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }
}
