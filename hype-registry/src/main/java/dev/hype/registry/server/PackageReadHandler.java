package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answer package reads: packuments (full and abbreviated), single versions and tarballs.
 *
 * <p>Rendered packuments are cached per package, form and base URL, and dropped when the store's
 * revision of the package changes.
 */
final class PackageReadHandler {

    static final String ABBREVIATED_TYPE = "application/vnd.npm.install-v1+json";
    private static final int MAX_CACHED = 10_000;

    private final PackageStore store;
    private final Authenticator auth;
    private final Map<CacheKey, Cached> rendered = new ConcurrentHashMap<>();

    private record CacheKey(String name, boolean abbreviated, String baseUrl) {
    }

    private record Cached(long revision, Rendered answer) {
    }

    PackageReadHandler(PackageStore store, Authenticator auth) {
        this.store = store;
        this.auth = auth;
    }

    /** Answer {@code GET /{name}}: the abbreviated form when the client accepts it, else the full one. */
    void packument(Request request, PackageName name) throws IOException {
        auth.checkRead(request);
        String accept = request.header("Accept");
        boolean abbreviated = accept != null && accept.contains(ABBREVIATED_TYPE);
        CacheKey key = new CacheKey(name.toString(), abbreviated, request.baseUrl());
        long revision = store.revision(name);
        Cached cached = rendered.get(key);
        if (cached == null || cached.revision() != revision) {
            ObjectNode packument = load(name);
            ObjectNode view = abbreviated
                ? PackumentViews.abbreviated(name, packument, request.baseUrl())
                : PackumentViews.full(name, packument, request.baseUrl());
            cached = new Cached(revision, Rendered.of(view, abbreviated ? ABBREVIATED_TYPE : "application/json",
                PackumentViews.modified(packument)));
            if (rendered.size() >= MAX_CACHED) {
                rendered.clear();
            }
            rendered.put(key, cached);
        }
        request.sendCacheable(cached.answer(), auth.cacheControl(false));
    }

    /** Answer {@code GET /{name}/{version-or-tag}}. */
    void version(Request request, PackageName name, String versionOrTag) throws IOException {
        auth.checkRead(request);
        ObjectNode packument = load(name);
        ObjectNode version = PackumentViews.version(name, packument, versionOrTag, request.baseUrl());
        request.sendCacheable(Rendered.of(version, "application/json", PackumentViews.modified(packument)),
            auth.cacheControl(false));
    }

    /**
     * Answer {@code GET /{name}/-/{file}.tgz}, only for a tarball a published version lists: a tarball written by a
     * publish that died before its packument is not served (and the next start deletes it).
     */
    void tarball(Request request, PackageName name, String fileName) throws IOException {
        auth.checkRead(request);
        if (!fileName.endsWith(".tgz") || !fileName.startsWith(name.bare() + "-") || fileName.contains("/")
            || fileName.contains("\\") || !listed(store.packument(name).orElse(null), fileName)) {
            throw HttpError.notFound("tarball " + fileName + " of " + name + " not found");
        }
        Path file = store.tarball(name, fileName)
            .orElseThrow(() -> HttpError.notFound("tarball " + fileName + " of " + name + " not found"));
        request.sendFile(file, "application/octet-stream", auth.cacheControl(true));
    }

    private static boolean listed(ObjectNode packument, String fileName) {
        if (packument == null) {
            return false;
        }
        for (JsonNode version : packument.path("versions")) {
            String tarball = version.path("dist").path("tarball").asText("");
            if (tarball.substring(tarball.lastIndexOf('/') + 1).equals(fileName)) {
                return true;
            }
        }
        return false;
    }

    private ObjectNode load(PackageName name) {
        ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
        if (UnpublishHandler.isTombstone(packument)) {
            throw HttpError.notFound("package " + name + " was unpublished");
        }
        return packument;
    }
}
