package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/** Answer {@code GET/PUT/DELETE /-/package/{name}/dist-tags[/{tag}]}, as {@code npm dist-tag} calls them. */
final class DistTagHandler {

    private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

    private final PackageStore store;
    private final Authenticator auth;
    private final PackageLocks locks;

    DistTagHandler(PackageStore store, Authenticator auth, PackageLocks locks) {
        this.store = store;
        this.auth = auth;
        this.locks = locks;
    }

    void list(Request request, PackageName name) throws IOException {
        auth.checkRead(request);
        ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
        request.sendJson(200, packument.path("dist-tags"));
    }

    void get(Request request, PackageName name, String tag) throws IOException {
        auth.checkRead(request);
        ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
        JsonNode version = packument.path("dist-tags").get(tag);
        if (version == null) {
            throw HttpError.notFound("dist-tag '" + tag + "' of " + name + " not found");
        }
        request.sendJson(200, version);
    }

    void put(Request request, PackageName name, String tag) throws IOException {
        String user = auth.requireUser(request);
        checkTag(tag);
        JsonNode body = request.jsonBody();
        if (!body.isTextual()) {
            throw HttpError.badRequest("the body must be a JSON string holding a version, e.g. \"1.2.3\"", "bad request");
        }
        String version = body.asText();
        ObjectNode tags;
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
            Ownership.check(packument, name, user);
            if (!packument.path("versions").has(version)) {
                throw HttpError.badRequest("version " + version + " of " + name + " does not exist", "bad request");
            }
            tags = packument.withObjectProperty("dist-tags");
            tags.put(tag, version);
            packument.withObjectProperty("time").put("modified", Instant.now().toString());
            store.writePackument(name, packument);
        }
        request.sendJson(201, tags);
    }

    void delete(Request request, PackageName name, String tag) throws IOException {
        String user = auth.requireUser(request);
        if (tag.equals("latest")) {
            throw HttpError.badRequest("the 'latest' dist-tag cannot be removed; point it at another version instead",
                "bad request");
        }
        ObjectNode tags;
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
            Ownership.check(packument, name, user);
            tags = packument.withObjectProperty("dist-tags");
            if (tags.remove(tag) == null) {
                throw HttpError.notFound("dist-tag '" + tag + "' of " + name + " not found");
            }
            packument.withObjectProperty("time").put("modified", Instant.now().toString());
            store.writePackument(name, packument);
        }
        request.sendJson(200, tags);
    }

    private static void checkTag(String tag) {
        if (!TAG.matcher(tag).matches() || VersionOrder.isValid(tag)) {
            throw HttpError.badRequest("invalid dist-tag '" + tag + "'",
                "a tag starts with a letter and holds letters, digits, '.', '_' or '-'; it cannot look like a version");
        }
    }
}
