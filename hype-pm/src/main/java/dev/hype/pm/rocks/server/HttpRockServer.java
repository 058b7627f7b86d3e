package dev.hype.pm.rocks.server;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.RegistryException;
import dev.hype.pm.rocks.RockException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read a LuaRocks server over HTTP: retries for connection errors and 5xx answers, a bound on a body that stops
 * moving, manifests cached on disk and revalidated with {@code If-None-Match}/{@code If-Modified-Since}, rockspecs
 * cached on disk as they are (a published rockspec does not change; the lockfile's integrity covers the rock).
 */
final class HttpRockServer implements RockServer {
    private static final String USER_AGENT = "hype/0.1 (LuaRocks client)";
    private static final long MAX_FILE = 512L * 1024 * 1024;
    private static final Duration OVERALL = Duration.ofMinutes(30);

    private final URI url;
    private final String base;
    private final ClientOptions options;
    private final HttpClient http;
    private final Path cache;
    private final ManifestFiles manifests = new ManifestFiles(this, this::revalidated);

    HttpRockServer(URI url, ClientOptions options, HttpClient http) {
        this.url = url;
        String text = url.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.options = options;
        this.http = http;
        this.cache = options.cacheDirectory() == null ? null : options.cacheDirectory().resolve("rocks");
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public URI fileUrl(String fileName) {
        return URI.create(base + "/" + fileName);
    }

    @Override
    public RockManifest manifest() {
        requireCachedOffline(MANIFESTS);
        return manifests.lua54();
    }

    @Override
    public RockManifest allManifest() {
        requireCachedOffline(ALL_MANIFESTS);
        return manifests.all();
    }

    /** Offline, fail naming the server unless the cache holds one of the manifest files {@code names}. */
    private void requireCachedOffline(List<String> names) {
        if (options.offline() && names.stream().noneMatch(name -> readCache(fileUrl(name), "body").isPresent())) {
            throw offline("the manifest of " + url);
        }
    }

    private RockException offline(String what) {
        return new RockException(RegistryException.E_OFFLINE, "--offline: " + what + " is not in the cache, and the"
                + " LuaRocks server " + url + " is not asked offline", List.of(
                        "run the command once without --offline to fill the cache ($HYPE_HOME/cache)"));
    }

    @Override
    public Optional<byte[]> file(String fileName) {
        if (fileName.endsWith(".rockspec")) {
            Optional<byte[]> cached = readCache(fileUrl(fileName), "body");
            if (cached.isPresent()) {
                return cached;
            }
            Optional<byte[]> fetched = fetch(fileUrl(fileName), null, null).body();
            fetched.ifPresent(body -> writeCache(fileUrl(fileName), body, null, null));
            return fetched;
        }
        return fetch(fileUrl(fileName), null, null).body();
    }

    /** Fetch a manifest file, answering from the cache when the server says it did not change. */
    private Optional<byte[]> revalidated(String fileName) {
        URI file = fileUrl(fileName);
        Optional<byte[]> cached = readCache(file, "body");
        String etag = cached.isPresent() ? readCache(file, "etag").map(b -> new String(b, StandardCharsets.UTF_8))
                .orElse(null) : null;
        String modified = cached.isPresent() ? readCache(file, "modified")
                .map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null) : null;
        if (options.offline()) {
            // Only what the cache holds: a manifest file it lacks counts as absent, so the next one is tried.
            return cached;
        }
        Answer answer = fetch(file, etag, modified);
        if (answer.notModified() && cached.isPresent()) {
            return cached;
        }
        answer.body().ifPresent(body -> writeCache(file, body, answer.etag(), answer.modified()));
        return answer.body();
    }

    /** One answer: a body (empty for 404 and 410), or 304. */
    private record Answer(Optional<byte[]> body, boolean notModified, String etag, String modified) {
    }

    private Answer fetch(URI file, String etag, String modified) {
        if (options.offline()) {
            throw offline(file.toString());
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(file).timeout(options.requestTimeout())
                .header("User-Agent", USER_AGENT).GET();
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        if (modified != null) {
            builder.header("If-Modified-Since", modified);
        }
        HttpRequest request = builder.build();
        Exception last = null;
        for (int attempt = 1; attempt <= options.attempts(); attempt++) {
            if (attempt > 1) {
                pause(attempt);
            }
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status >= 500 && attempt < options.attempts()) {
                    response.body().close();
                    last = new IOException("HTTP " + status);
                    continue;
                }
                return answer(file, response);
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unreachable(file, e);
            }
        }
        throw unreachable(file, last);
    }

    private Answer answer(URI file, HttpResponse<InputStream> response) throws IOException {
        int status = response.statusCode();
        try (InputStream in = response.body()) {
            if (status == 304) {
                return new Answer(Optional.empty(), true, null, null);
            }
            if (status == 404 || status == 410) {
                return new Answer(Optional.empty(), false, null, null);
            }
            if (status != 200) {
                throw new RockException(RockException.E_ROCK_SERVER, "the LuaRocks server " + url + " answered "
                        + status + " to GET " + file, List.of("check the URL in rocks.servers, or try again later"));
            }
            byte[] body = readBody(in, file);
            return new Answer(Optional.of(body), false, response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
    }

    /** Read a body on a virtual thread, giving up when it stops moving for the request timeout. */
    private byte[] readBody(InputStream in, URI file) throws IOException {
        AtomicLong progress = new AtomicLong(System.nanoTime());
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> body = reader.submit(() -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    progress.set(System.nanoTime());
                    if (out.size() > MAX_FILE) {
                        throw new IOException("the answer is larger than " + (MAX_FILE >> 20) + " MiB");
                    }
                }
                return out.toByteArray();
            });
            long start = System.nanoTime();
            while (true) {
                try {
                    return body.get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    long now = System.nanoTime();
                    boolean stalled = now - progress.get() > options.requestTimeout().toNanos();
                    if (stalled || now - start > OVERALL.toNanos()) {
                        in.close();
                        body.cancel(true);
                        throw new RockException(RockException.E_ROCK_SERVER, "the LuaRocks server " + url
                                + (stalled ? " stopped sending " + file + " for " + options.requestTimeout().toSeconds()
                                + " s" : " took more than " + OVERALL.toMinutes() + " minutes to send " + file),
                                List.of("try again later"));
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof IOException io ? io : new IOException(cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    in.close();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private RockException unreachable(URI file, Exception cause) {
        String reason = cause instanceof java.net.http.HttpTimeoutException
                ? ": nothing arrived for " + options.requestTimeout().toSeconds() + " s"
                : cause == null ? "" : ": " + dev.hype.pm.registry.ConnectionFailure.describe(cause);
        return new RockException(RockException.E_ROCK_SERVER, "cannot reach the LuaRocks server " + url + " (GET "
                + file + ", " + options.attempts() + " attempt" + (options.attempts() == 1 ? "" : "s") + ")" + reason,
                List.of("check the network and the URL in rocks.servers; 'hype pkg install --offline' installs what"
                        + " the lockfile and the store already hold"), cause);
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(options.backoff().toMillis() << (attempt - 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<byte[]> readCache(URI file, String part) {
        if (cache == null) {
            return Optional.empty();
        }
        try {
            Path path = cache.resolve(key(file) + "." + part);
            return Files.isRegularFile(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Cache a file; a cache that cannot be written only costs a download next time. */
    private void writeCache(URI file, byte[] body, String etag, String modified) {
        if (cache == null) {
            return;
        }
        try {
            Files.createDirectories(cache);
            String key = key(file);
            for (String part : List.of("etag", "modified")) {
                Files.deleteIfExists(cache.resolve(key + "." + part));
            }
            atomicWrite(cache.resolve(key + ".body"), body);
            if (etag != null) {
                atomicWrite(cache.resolve(key + ".etag"), etag.getBytes(StandardCharsets.UTF_8));
            }
            if (modified != null) {
                atomicWrite(cache.resolve(key + ".modified"), modified.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // best effort
        }
    }

    private static void atomicWrite(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String key(URI file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(file.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return url.toString();
    }
}
