package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.pack.PackResult;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Read from and publish to npm-protocol registries.
 *
 * <p>Each package goes to the registry its scope is configured for, else to the default one. Every failure is
 * a {@link RegistryException} naming the registry, the package and the HTTP status; a tarball that is corrupt or
 * unsafe is a {@link dev.hype.pm.pack.PackException}. Implementations are thread-safe.
 */
public interface RegistryClient extends AutoCloseable {

    /** Return a client for the registries {@code config} names. */
    static RegistryClient create(RegistryConfig config, ClientOptions options) {
        return new RoutingRegistryClient(config, options);
    }

    /** Return the registry that serves {@code packageName}. */
    URI registryFor(String packageName);

    /**
     * Fetch a packument ({@code GET /{name}}), revalidating a cached copy.
     *
     * @throws RegistryException with code {@code E_NOT_FOUND} when the package does not exist
     */
    Packument packument(String name, Form form);

    /**
     * Fetch one version's document by version or dist-tag ({@code GET /{name}/{versionOrTag}}).
     *
     * @throws RegistryException with code {@code E_NOT_FOUND} when there is no such version or tag
     */
    JsonNode version(String name, String versionOrTag);

    /**
     * Download a tarball, check it against {@code dist.integrity} (else {@code dist.shasum}) and inspect every
     * entry; nothing is kept when a check fails.
     *
     * @throws RegistryException with code {@code E_INTEGRITY} on a mismatch
     * @throws dev.hype.pm.pack.PackException for a truncated or unsafe tarball
     */
    Tarball download(String name, String version, Dist dist);

    /** Download several tarballs at once, on virtual threads; the results keep the order of {@code requests}. */
    List<Tarball> downloadAll(List<TarballRequest> requests);

    /** Search the default registry ({@code GET /-/v1/search?text=&size=}). */
    List<SearchHit> search(String text, int size);

    /** Return a package's dist-tags. */
    Map<String, String> distTags(String name);

    /** Point {@code tag} of {@code name} at {@code version}. */
    void setDistTag(String name, String tag, String version);

    /** Remove {@code tag} from {@code name}. */
    void removeDistTag(String name, String tag);

    /** Return the users who maintain {@code name}, as {@code npm owner ls} lists them, from its full document. */
    default List<String> owners(String name) {
        List<String> owners = new java.util.ArrayList<>();
        packument(name, Form.FULL).document().path("maintainers").forEach(m -> {
            String user = m.isTextual() ? m.asText() : m.path("name").asText("");
            if (!user.isEmpty()) {
                owners.add(user);
            }
        });
        return owners;
    }

    /**
     * Replace the maintainers of {@code name} with {@code owners}, as {@code npm owner add|rm} does
     * ({@code PUT /{name}/-rev/{rev}}); the registry refuses unknown users and an empty list.
     */
    void setOwners(String name, List<String> owners);

    /** Return whether the registry serving {@code packageName} knows {@code user} ({@code GET /-/user/org.couchdb.user:}). */
    boolean userExists(String packageName, String user);

    /**
     * Publish a packed tarball ({@code PUT /{name}}) with {@code manifest} as its version document, under
     * {@code tag}.
     *
     * @return the tarball URL the version was published with
     * @throws RegistryException with code {@code E_PUBLISH_CONFLICT} when the version exists,
     *     {@code E_UNAUTHORIZED} without a valid token
     */
    URI publish(PackResult packed, JsonNode manifest, String tag);

    /**
     * Set the deprecation message of versions of {@code name} ({@code version -> message}); an empty message
     * removes it, as {@code npm deprecate NAME@RANGE ""} does.
     */
    void deprecate(String name, Map<String, String> messages);

    /**
     * Remove {@code version} of {@code name} and its tarball; with {@code version == null}, the whole package. The
     * registry remembers removed versions, so they are never published again.
     */
    void unpublish(String name, String version);

    /**
     * Log in to the default registry with a password ({@code PUT /-/user/org.couchdb.user:USER}), creating the
     * account where the registry allows sign-up; return the token it issues.
     *
     * @throws RegistryException {@code E_UNAUTHORIZED} for a wrong password or a registry without password login
     */
    String login(String user, String password);

    /** Return the user the default registry's token authenticates ({@code GET /-/whoami}). */
    String whoami();

    /** Revoke {@code token} on the default registry ({@code DELETE /-/user/token/TOKEN}). */
    void logout(String token);

    /** List the logged-in account's tokens on the default registry ({@code GET /-/npm/v1/tokens}). */
    List<RegistryToken> tokens();

    /** Create a token for the logged-in account, confirmed by its password ({@code POST /-/npm/v1/tokens}). */
    RegistryToken createToken(String password, boolean readonly, List<String> cidrs);

    /** Revoke the logged-in account's token whose key starts with {@code key}. */
    void revokeToken(String key);

    /**
     * Tell whether a change to {@code packageName}'s registry would carry credentials: a token is configured for its
     * host, or it is a {@code file:} registry, which needs none.
     */
    boolean hasCredentials(String packageName);

    /** Return the default registry, where account and token requests go. */
    URI registry();

    /** Release connections. */
    @Override
    void close();

    /**
     * Name one tarball to download.
     *
     * @param name the package name
     * @param version the version
     * @param dist where the tarball is and its digests
     */
    record TarballRequest(String name, String version, Dist dist) {
    }
}
