package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answer the unpublish calls {@code npm unpublish} makes: remove versions, delete their
 * tarballs, or remove a whole package.
 *
 * <p>The packument keeps {@code time[version]} of every removed version, so publish refuses
 * those versions forever, and a package removed whole stays as a tombstone
 * ({@code time.unpublished}) that reads answer with 404.
 */
final class UnpublishHandler {

    private final PackageStore store;
    private final Authenticator auth;
    private final PackageLocks locks;

    UnpublishHandler(PackageStore store, Authenticator auth, PackageLocks locks) {
        this.store = store;
        this.auth = auth;
        this.locks = locks;
    }

    /** Answer {@code PUT /{name}/-rev/{rev}}: keep only the versions the body still lists. */
    void removeVersions(Request request, PackageName name, JsonNode body) throws IOException {
        String user = auth.requireUser(request);
        JsonNode kept = body.get("versions");
        if (kept == null || !kept.isObject()) {
            throw HttpError.badRequest("the body must be the packument with the remaining 'versions'", "bad request");
        }
        List<String> removed = new ArrayList<>();
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = load(name);
            Ownership.check(packument, name, user);
            ObjectNode versions = packument.withObjectProperty("versions");
            for (Map.Entry<String, JsonNode> entry : kept.properties()) {
                if (!versions.has(entry.getKey())) {
                    throw HttpError.badRequest("version " + entry.getKey() + " of " + name
                        + " is not published; this endpoint only removes versions", "bad request");
                }
            }
            for (String version : List.copyOf(versionNames(versions))) {
                if (!kept.has(version)) {
                    versions.remove(version);
                    removed.add(version);
                }
            }
            if (!removed.isEmpty()) {
                retag(packument);
                packument.withObjectProperty("time").put("modified", Instant.now().toString());
                store.writePackument(name, packument);
            }
        }
        request.sendJson(201, Request.JSON.createObjectNode().put("ok", "unpublished " + removed.size() + " version(s) of " + name));
    }

    /** Answer {@code DELETE /{name}/-/{file}/-rev/{rev}}: delete the tarball of a removed version. */
    void deleteTarball(Request request, PackageName name, String fileName) throws IOException {
        String user = auth.requireUser(request);
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = load(name);
            Ownership.check(packument, name, user);
            for (String version : versionNames(packument.path("versions"))) {
                if (name.tarballFileName(version).equals(fileName)) {
                    throw new HttpError(409, "version " + version + " of " + name + " is still published",
                        "unpublish the version before deleting its tarball");
                }
            }
            if (!fileName.startsWith(name.bare() + "-") || !store.deleteTarball(name, fileName)) {
                throw HttpError.notFound("tarball " + fileName + " of " + name + " not found");
            }
        }
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "deleted " + fileName));
    }

    /** Answer {@code DELETE /{name}/-rev/{rev}}: remove every version and leave a tombstone. */
    void removePackage(Request request, PackageName name) throws IOException {
        String user = auth.requireUser(request);
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = load(name);
            Ownership.check(packument, name, user);
            ObjectNode versions = packument.withObjectProperty("versions");
            List<String> removed = versionNames(versions);
            versions.removeAll();
            packument.withObjectProperty("dist-tags").removeAll();
            String now = Instant.now().toString();
            ObjectNode time = packument.withObjectProperty("time");
            time.put("modified", now);
            ObjectNode unpublished = time.putObject("unpublished");
            unpublished.put("time", now);
            unpublished.putObject("user").put("name", user);
            ArrayNode list = unpublished.putArray("versions");
            removed.forEach(list::add);
            // the packument first: a kill before the deletions leaves tarballs nothing lists, which are not served
            // and which the next start deletes
            store.writePackument(name, packument);
            for (String version : removed) {
                store.deleteTarball(name, name.tarballFileName(version));
            }
        }
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "unpublished " + name));
    }

    /** Tell whether a packument is the tombstone of a package removed whole. */
    static boolean isTombstone(ObjectNode packument) {
        return packument.path("versions").isEmpty() && packument.path("time").has("unpublished");
    }

    private ObjectNode load(PackageName name) {
        ObjectNode packument = store.packument(name).orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
        if (isTombstone(packument)) {
            throw HttpError.notFound("package " + name + " was unpublished");
        }
        return packument;
    }

    /** Drop tags that point at removed versions; point {@code latest} at the highest remaining stable version. */
    private static void retag(ObjectNode packument) {
        JsonNode versions = packument.path("versions");
        ObjectNode tags = packument.withObjectProperty("dist-tags");
        for (String tag : List.copyOf(fieldNames(tags))) {
            if (!versions.has(tags.path(tag).asText())) {
                tags.remove(tag);
            }
        }
        if (!tags.has("latest")) {
            String best = null;
            for (String version : versionNames(versions)) {
                boolean better = best == null
                    || (VersionOrder.isPrerelease(best) && !VersionOrder.isPrerelease(version))
                    || (VersionOrder.isPrerelease(best) == VersionOrder.isPrerelease(version)
                        && VersionOrder.compare(version, best) > 0);
                if (better) {
                    best = version;
                }
            }
            if (best != null) {
                tags.put("latest", best);
            }
        }
    }

    private static List<String> versionNames(JsonNode versions) {
        return fieldNames(versions);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            names.add(property.getKey());
        }
        return names;
    }
}
