package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.runtime.JsonTreeReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Talk to one npm-protocol registry over HTTP, with retries, timeouts, tokens per host and a packument cache.
 */
final class HttpRegistryClient {
    private static final String USER_AGENT = "hype/0.1 (npm-protocol client)";

    private final URI registry;
    private final RegistryConfig config;
    private final ClientOptions options;
    private final Supplier<HttpClient> http;
    private final PackumentCache cache;

    HttpRegistryClient(URI registry, RegistryConfig config, ClientOptions options, Supplier<HttpClient> http) {
        this.registry = registry;
        this.config = config;
        this.options = options;
        this.http = http;
        this.cache = options.cacheDirectory() == null ? null : new PackumentCache(options.cacheDirectory());
    }

    /** Create the HTTP client the registries share: HTTP/2 preferred, one connection pool. */
    static HttpClient newHttpClient(ClientOptions options) {
        return HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_2)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    }

    /**
     * Return a packument: with {@link ClientOptions#freshCache()}, from the cache while the registry's
     * {@code Cache-Control: max-age} says it is fresh (no request, no HTTP client); else revalidated with its ETag and
     * Last-Modified, else fetched. Offline, from the cache whatever its age.
     */
    Packument packument(String name, Form form) {
        URI url = url("/" + NpmNames.escape(name));
        PackumentCache.Entry cached = cache == null ? null : cache.read(url, form).orElse(null);
        if (options.offline()) {
            return offlinePackument(name, form, url, cached);
        }
        if (cached != null && options.freshCache() && cached.freshAt(System.currentTimeMillis())) {
            JsonNode tree = cachedTree(cached.body());
            if (tree != null && tree.path("versions").isObject()) {
                return Packument.checked(tree, registry, name);
            }
        }
        HttpRequest.Builder request = request(url).header("Accept", form.accept()).GET();
        if (cached != null) {
            if (cached.etag() != null) {
                request.header("If-None-Match", cached.etag());
            }
            if (cached.lastModified() != null) {
                request.header("If-Modified-Since", cached.lastModified());
            }
        }
        Answer response = send(request, name);
        if (response.statusCode() == 304 && cached != null) {
            JsonNode tree = parse(cached.body(), response, name);
            if (options.freshCache()) {
                // A 304 renews the stored answer's freshness, as RFC 9111 (section 4.3.4) has caches do. A client that
                // never uses fresh copies (an install) leaves the entry as it is rather than write it again.
                cache.write(url, form, cached.revalidated(System.currentTimeMillis(), freshSeconds(response)));
            }
            return Packument.checked(tree, registry, name);
        }
        JsonNode tree = json(response, name, RegistryException.READ_PACKAGE);
        if (cache != null) {
            cache.write(url, form, new PackumentCache.Entry(response.body(),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null), System.currentTimeMillis(),
                freshSeconds(response)));
        }
        return Packument.checked(tree, registry, name);
    }

    private static long freshSeconds(Answer response) {
        return Freshness.seconds(response.headers().allValues("Cache-Control"),
            response.headers().firstValue("Age").orElse(null));
    }

    /** Parse a cached body, or return {@code null} when it is not JSON (then the registry is asked). */
    private static JsonNode cachedTree(byte[] body) {
        try {
            return JsonTreeReader.read(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Forget the cached packument of {@code name}: this client has just changed it on the registry. */
    private void forget(String name) {
        if (cache != null) {
            cache.remove(url("/" + NpmNames.escape(name)));
        }
    }

    /** Answer from the cache without asking; the other form will do when this one was never fetched. */
    private Packument offlinePackument(String name, Form form, URI url, PackumentCache.Entry cached) {
        PackumentCache.Entry entry = cached;
        if (entry == null && cache != null) {
            Form other = form == Form.FULL ? Form.ABBREVIATED : Form.FULL;
            entry = cache.read(url, other).orElse(null);
        }
        if (entry == null) {
            throw RegistryException.offline(registry, name, "the package document of " + name);
        }
        try {
            return Packument.checked(JsonTreeReader.read(entry.body()), registry, name);
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, name, "the cached package document is not JSON");
        }
    }

    JsonNode version(String name, String versionOrTag) {
        URI url = url("/" + NpmProtocol.escape(name) + "/" + URLEncoder.encode(versionOrTag, StandardCharsets.UTF_8));
        return json(send(request(url).header("Accept", "application/json").GET(), name), name,
            "read version " + versionOrTag + " of");
    }

    Tarball download(String name, String version, Dist dist) {
        if (dist.tarball() == null) {
            throw RegistryException.badResponse(registry, name, "version " + version + " has no dist.tarball");
        }
        URI url = dist.tarball().matches("(?i)^https?://.*") ? URI.create(dist.tarball())
            : URI.create(registry + "/" + dist.tarball().replaceAll("^/+", ""));
        Answer response = send(request(url).header("Accept", "application/octet-stream").GET(), name);
        if (response.statusCode() != 200) {
            throw failure(response, name, "download the tarball of " + version + " of");
        }
        return NpmProtocol.verify(registry, name, version, dist, response.body());
    }

    List<SearchHit> search(String text, int size) {
        URI url = url("/-/v1/search?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&size=" + size);
        return NpmProtocol.searchHits(json(send(request(url).header("Accept", "application/json").GET(), null),
            null, "search"), registry);
    }

    Map<String, String> distTags(String name) {
        JsonNode tags = json(send(request(distTagsUrl(name, null)).header("Accept", "application/json").GET(), name),
            name, "read the dist-tags of");
        Map<String, String> result = new LinkedHashMap<>();
        tags.properties().forEach(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    void setDistTag(String name, String tag, String version) {
        HttpRequest.Builder request = request(distTagsUrl(name, tag)).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(new TextNode(version).toString()));
        json(send(request, name), name, "set dist-tag " + tag + " of");
        forget(name);
    }

    void removeDistTag(String name, String tag) {
        json(send(request(distTagsUrl(name, tag)).DELETE(), name), name, "remove dist-tag " + tag + " of");
        forget(name);
    }

    void setOwners(String name, List<String> owners) {
        com.fasterxml.jackson.databind.node.ObjectNode body = NpmProtocol.JSON.createObjectNode().put("_id", name);
        com.fasterxml.jackson.databind.node.ArrayNode list = body.putArray("maintainers");
        owners.forEach(owner -> list.addObject().put("name", owner));
        HttpRequest.Builder request = request(url("/" + NpmProtocol.escape(name) + "/-rev/0"))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .header("npm-command", "owner")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        json(send(request, name), name, "change the owners of");
        forget(name);
    }

    boolean userExists(String name, String user) {
        Answer response = send(request(url("/-/user/org.couchdb.user:"
            + URLEncoder.encode(user, StandardCharsets.UTF_8))).header("Accept", "application/json").GET(), name);
        if (response.statusCode() == 404) {
            return false;
        }
        json(response, name, "look up the user " + user + " for");
        return true;
    }

    URI publish(PackResult packed, JsonNode manifest, String tag) {
        String body = NpmProtocol.publishBody(packed, manifest, tag, registry).toString();
        HttpRequest.Builder request = request(url("/" + NpmProtocol.escape(packed.name())))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("npm-command", "publish")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        json(send(request, packed.name()), packed.name(), "publish " + packed.version() + " of");
        forget(packed.name());
        return NpmProtocol.tarballUrl(registry, packed.name(), packed.version());
    }

    /** Set or clear ({@code ""}) the deprecation message of versions, sending the whole packument back as npm does. */
    void deprecate(String name, Map<String, String> messages) {
        ObjectNode doc = freshPackument(name);
        ObjectNode versions = doc.withObjectProperty("versions");
        messages.forEach((version, message) -> {
            if (versions.get(version) instanceof ObjectNode document) {
                document.put("deprecated", message);
            }
        });
        doc.remove("_attachments");
        HttpRequest.Builder request = request(url("/" + NpmProtocol.escape(name)))
            .header("Content-Type", "application/json").header("npm-command", "deprecate")
            .PUT(HttpRequest.BodyPublishers.ofString(doc.toString(), StandardCharsets.UTF_8));
        json(send(request, name), name, "deprecate versions of");
        forget(name);
    }

    /** Remove one version and its tarball, as {@code npm unpublish NAME@VERSION} does; {@code null}: the package. */
    void unpublish(String name, String version) {
        ObjectNode doc = freshPackument(name);
        forget(name);
        String rev = doc.path("_rev").asText("0-0");
        if (version == null) {
            json(send(request(url("/" + NpmProtocol.escape(name) + "/-rev/" + rev))
                .header("npm-command", "unpublish").DELETE(), name), name, "unpublish");
            return;
        }
        JsonNode removed = doc.withObjectProperty("versions").remove(version);
        if (removed == null) {
            throw RegistryException.forStatus(404, registry, name, "unpublish version " + version + " of", null);
        }
        HttpRequest.Builder put = request(url("/" + NpmProtocol.escape(name) + "/-rev/" + rev))
            .header("Content-Type", "application/json").header("npm-command", "unpublish")
            .PUT(HttpRequest.BodyPublishers.ofString(doc.toString(), StandardCharsets.UTF_8));
        json(send(put, name), name, "unpublish " + version + " of");
        String file = NpmProtocol.tarballFileName(name, version);
        Answer deleted = send(request(url("/" + NpmProtocol.escape(name) + "/-/" + file + "/-rev/"
            + rev)).header("npm-command", "unpublish").DELETE(), name);
        if (deleted.statusCode() != 404) {
            json(deleted, name, "delete the tarball " + file + " of");
        }
    }

    /** Log in (or sign up) with a password, as {@code npm login} does; return the token the registry issued. */
    String login(String user, String password) {
        ObjectNode body = NpmProtocol.JSON.createObjectNode().put("_id", "org.couchdb.user:" + user)
            .put("name", user).put("password", password).put("type", "user").put("date", java.time.Instant.now().toString());
        body.putArray("roles");
        HttpRequest.Builder request = request(url("/-/user/org.couchdb.user:" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
            .header("Content-Type", "application/json").header("npm-command", "login")
            .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        JsonNode answer = json(send(request, null), null, "log in as " + user);
        String token = answer.path("token").asText("");
        if (token.isEmpty()) {
            throw RegistryException.badResponse(registry, null, "the login answer has no token");
        }
        return token;
    }

    /** Return the user the configured token authenticates, from {@code GET /-/whoami}. */
    String whoami() {
        JsonNode answer = json(send(request(url("/-/whoami")).header("Accept", "application/json").GET(), null), null,
            "ask who is logged in");
        String user = answer.path("username").asText("");
        if (user.isEmpty()) {
            throw RegistryException.badResponse(registry, null, "the whoami answer has no username");
        }
        return user;
    }

    /** Revoke {@code token} on the registry, as {@code npm logout} does. */
    void logout(String token) {
        json(send(request(url("/-/user/token/" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .header("npm-command", "logout").DELETE(), null), null, "log out");
    }

    /** List the tokens of the logged-in account. */
    List<RegistryToken> tokens() {
        JsonNode answer = json(send(request(url("/-/npm/v1/tokens")).header("Accept", "application/json").GET(), null),
            null, "list tokens");
        List<RegistryToken> tokens = new java.util.ArrayList<>();
        answer.path("objects").forEach(t -> tokens.add(token(t)));
        return tokens;
    }

    /** Create a token for the logged-in account; the registry asks for its password. */
    RegistryToken createToken(String password, boolean readonly, List<String> cidrs) {
        ObjectNode body = NpmProtocol.JSON.createObjectNode().put("password", password).put("readonly", readonly);
        cidrs.forEach(body.putArray("cidr_whitelist")::add);
        HttpRequest.Builder request = request(url("/-/npm/v1/tokens")).header("Content-Type", "application/json")
            .header("npm-command", "token").POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        return token(json(send(request, null), null, "create a token"));
    }

    /** Revoke the token with {@code key} (or a unique start of it). */
    void revokeToken(String key) {
        json(send(request(url("/-/npm/v1/tokens/token/" + URLEncoder.encode(key, StandardCharsets.UTF_8)))
            .header("npm-command", "token").DELETE(), null), null, "revoke token " + key);
    }

    private static RegistryToken token(JsonNode node) {
        List<String> cidrs = new java.util.ArrayList<>();
        node.path("cidr_whitelist").forEach(c -> cidrs.add(c.asText()));
        return new RegistryToken(node.path("key").asText(""), node.path("token").asText(""),
            node.path("created").asText(""), node.path("readonly").asBoolean(false), cidrs);
    }

    /** Fetch the full packument without the cache, for a change sent back to the registry. */
    private ObjectNode freshPackument(String name) {
        URI url = url("/" + NpmProtocol.escape(name) + "?write=true");
        JsonNode tree = json(send(request(url).header("Accept", "application/json").GET(), name), name,
            RegistryException.READ_PACKAGE);
        if (!(tree instanceof ObjectNode doc)) {
            throw RegistryException.badResponse(registry, name, "the package document is not an object");
        }
        return doc;
    }

    private URI distTagsUrl(String name, String tag) {
        return url("/-/package/" + NpmProtocol.escape(name) + "/dist-tags"
            + (tag == null ? "" : "/" + URLEncoder.encode(tag, StandardCharsets.UTF_8)));
    }

    private URI url(String pathAndQuery) {
        return URI.create(registry + pathAndQuery);
    }

    private HttpRequest.Builder request(URI url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url).timeout(options.requestTimeout())
            .header("User-Agent", USER_AGENT);
        config.tokenFor(url).ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    /** An answer with its whole body, read within the client's bounds. */
    record Answer(int statusCode, HttpHeaders headers, byte[] body, URI uri) {
    }

    /**
     * Send, retrying connection errors, 5xx answers and 429 (waiting as {@code Retry-After} says, up to
     * {@link ClientOptions#MAX_RETRY_AFTER}) with exponential backoff; other 4xx answers return at once. A timeout is
     * not retried: each attempt is bounded in time (headers and body within the request timeout, no gap longer than
     * the read timeout) and a stalled registry would stall again.
     */
    private Answer send(HttpRequest.Builder builder, String packageName) {
        HttpRequest request = builder.build();
        if (options.offline()) {
            throw RegistryException.offline(registry, packageName, request.method() + " " + request.uri().getPath());
        }
        IOException lastFailure = null;
        Answer last = null;
        Duration wait = null;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            if (attempt > 1) {
                pause(wait != null ? wait : Duration.ofMillis(options.backoff().toMillis() << (attempt - 2)));
            }
            wait = null;
            try {
                last = attempt(request);
                if (last.statusCode() < 500 && last.statusCode() != 429) {
                    return last;
                }
                wait = retryAfter(last);
                if (wait != null && wait.compareTo(ClientOptions.MAX_RETRY_AFTER) > 0) {
                    return last;
                }
            } catch (BoundedBody.Exceeded e) {
                throw bodyFailure(e, request.uri(), packageName);
            } catch (HttpTimeoutException e) {
                throw RegistryException.timeout(registry, packageName, request.uri(), "no answer within "
                    + seconds(options.requestTimeout()) + " (request timeout)");
            } catch (IOException e) {
                lastFailure = e;
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw RegistryException.unreachable(origin(request.uri()), packageName, attempt, e);
            }
        }
        if (last != null) {
            return last;
        }
        throw RegistryException.unreachable(origin(request.uri()), packageName, options.attempts(), lastFailure);
    }

    /**
     * Return the server a request went to: the registry, or for a tarball on another server (a lockfile's URL from
     * another registry, a CDN) that server, so that "cannot reach" names the one that did not answer.
     */
    private URI origin(URI url) {
        if (url.getHost() == null || (url.getHost().equalsIgnoreCase(registry.getHost())
                && url.getPort() == registry.getPort() && url.getScheme().equalsIgnoreCase(registry.getScheme()))) {
            return registry;
        }
        return URI.create(url.getScheme() + "://" + url.getRawAuthority());
    }

    /** Send once: the headers within the request timeout, then the body within what is left of it. */
    private Answer attempt(HttpRequest request) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + options.requestTimeout().toNanos();
        HttpResponse<InputStream> response = http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        byte[] body = BoundedBody.read(response.body(), declared, options.maxResponseBytes(), options.readTimeout(),
            deadline);
        return new Answer(response.statusCode(), response.headers(), body, response.uri());
    }

    private RegistryException bodyFailure(BoundedBody.Exceeded e, URI url, String packageName) {
        String received = " (" + e.received() + " bytes received)";
        return switch (e.bound()) {
            case READ_TIMEOUT -> RegistryException.timeout(registry, packageName, url, "no data for "
                + seconds(options.readTimeout()) + " (read timeout)" + received);
            case DEADLINE -> RegistryException.timeout(registry, packageName, url, "the answer took longer than "
                + seconds(options.requestTimeout()) + " (request timeout)" + received);
            case SIZE -> RegistryException.tooLarge(registry, packageName, url, options.maxResponseBytes());
        };
    }

    /** Return the wait a 429 or 503 asks for in {@code Retry-After} (seconds or an HTTP date), if any. */
    static Duration retryAfter(Answer answer) {
        if (answer.statusCode() != 429 && answer.statusCode() != 503) {
            return null;
        }
        String value = answer.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(Instant.now(), when.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Return the JSON body of a 2xx answer, or throw the error the status and body call for. */
    private JsonNode json(Answer response, String name, String what) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw failure(response, name, what);
        }
        return parse(response.body(), response, name);
    }

    private JsonNode parse(byte[] body, Answer response, String name) {
        if (looksLikeHtml(response, body)) {
            throw RegistryException.notARegistry(registry, name, response.statusCode(), "an HTML page");
        }
        try {
            JsonNode tree = JsonTreeReader.read(body);
            if (tree == null || tree.isMissingNode()) {
                throw RegistryException.notARegistry(registry, name, response.statusCode(), "an empty body");
            }
            return tree;
        } catch (IOException e) {
            throw RegistryException.notARegistry(registry, name, response.statusCode(), "something that is not JSON");
        }
    }

    private RegistryException failure(Answer response, String name, String what) {
        int status = response.statusCode();
        if (status < 500 && status != 401 && status != 403 && looksLikeHtml(response, response.body())) {
            return RegistryException.notARegistry(registry, name, status, "an HTML page");
        }
        return RegistryException.forStatus(status, registry, name, what, detail(response.body()));
    }

    private static boolean looksLikeHtml(Answer response, byte[] body) {
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).trim()
            .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static String detail(byte[] body) {
        try {
            JsonNode tree = NpmProtocol.JSON.readTree(body);
            for (String field : List.of("error", "reason", "message")) {
                if (tree != null && tree.path(field).isTextual()) {
                    return tree.get(field).asText();
                }
            }
        } catch (IOException e) {
            // not JSON: no detail to add
        }
        return null;
    }
}
