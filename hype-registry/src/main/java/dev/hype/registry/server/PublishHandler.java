package dev.hype.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.TarballListing;
import dev.hype.pm.pack.Unpacker;
import dev.hype.pm.resolve.NpmDependencyForm;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.PackageStore;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Answer {@code PUT /{name}}: publish one new version with its tarball, or, for a body without
 * attachments, update deprecation messages as {@code npm deprecate} does.
 */
final class PublishHandler {

    private static final List<String> COPIED_TOP_LEVEL_FIELDS = List.of(
        "description", "keywords", "license", "homepage", "repository", "bugs", "author", "readme", "readmeFilename");

    private final PackageStore store;
    private final Authenticator auth;
    private final PackageLocks locks;
    /**
     * The server's bounds on one published tarball: 256 MiB of files, 100,000 entries, 20 seconds of inflating.
     * They are tighter than a client's, since anyone with a token can make the server inflate.
     */
    static final long MAX_UNPACKED_BYTES = 256L << 20;
    static final java.time.Duration MAX_INFLATE_TIME = java.time.Duration.ofSeconds(20);

    private final Unpacker unpacker = Unpacker.create(MAX_UNPACKED_BYTES, Unpacker.MAX_ENTRIES, MAX_INFLATE_TIME);

    private final ScopeAccess scopes;

    PublishHandler(PackageStore store, Authenticator auth, PackageLocks locks, ScopeAccess scopes) {
        this.store = store;
        this.auth = auth;
        this.locks = locks;
        this.scopes = scopes;
    }

    /** The checked content of a publish request. */
    private record Upload(String version, ObjectNode document, byte[] tarball, TarballListing listing) {
    }

    void publish(Request request, PackageName name) throws IOException {
        String user = auth.requireUser(request);
        JsonNode body = request.jsonBody();
        if (!(body instanceof ObjectNode document)) {
            throw HttpError.badRequest("the publish body must be a JSON object", "bad request");
        }
        String bodyName = document.path("name").asText(null);
        if (!name.toString().equals(bodyName)) {
            throw HttpError.badRequest("the body's name '" + bodyName + "' does not match the URL's '" + name + "'",
                "bad request");
        }
        JsonNode attachments = document.get("_attachments");
        if (attachments == null || attachments.isNull() || attachments.isEmpty()) {
            updateDeprecations(request, name, document, user);
            return;
        }
        Upload upload = checkUpload(name, document);
        try (PackageLocks.Held _ = locks.lock(name)) {
            java.util.Optional<ObjectNode> existing = store.packument(name);
            if (existing.isEmpty()) {
                scopes.checkNewPackage(name, user);
            }
            ObjectNode packument = existing.orElseGet(() -> newPackument(name, user));
            Ownership.check(packument, name, user);
            if (packument.path("versions").has(upload.version()) || packument.path("time").has(upload.version())) {
                throw new HttpError(409, "cannot publish over the previously published version " + upload.version()
                    + " of " + name, "a version is published once; bump the version and publish again");
            }
            store.writeTarball(name, name.tarballFileName(upload.version()), upload.tarball());
            record(packument, name, upload, document, user);
            store.writePackument(name, packument);
        }
        request.sendJson(201, Request.JSON.createObjectNode()
            .put("ok", "published " + name + "@" + upload.version()).put("success", true));
    }

    private Upload checkUpload(PackageName name, ObjectNode document) {
        JsonNode versions = document.get("versions");
        if (versions == null || !versions.isObject() || versions.size() != 1) {
            throw HttpError.badRequest("the publish body must have 'versions' with exactly one version", "bad request");
        }
        Map.Entry<String, JsonNode> entry = versions.properties().iterator().next();
        String version = entry.getKey();
        if (!VersionOrder.isValid(version)) {
            throw HttpError.badRequest("'" + version + "' is not a valid semantic version", "bad request");
        }
        if (!(entry.getValue() instanceof ObjectNode versionDocument)) {
            throw HttpError.badRequest("versions['" + version + "'] must be an object", "bad request");
        }
        if (!name.toString().equals(versionDocument.path("name").asText(null))
            || !version.equals(versionDocument.path("version").asText(null))) {
            throw HttpError.badRequest("versions['" + version + "'] must have name '" + name + "' and version '"
                + version + "'", "bad request");
        }
        byte[] tarball = attachment(name, version, document.get("_attachments"));
        checkDigests(name, version, versionDocument.path("dist"), tarball);
        String label = name.tarballFileName(version);
        TarballListing listing;
        try {
            listing = unpacker.inspect(tarball, label);
        } catch (PackException e) {
            throw HttpError.badRequest(e.getMessage(), "the tarball was rejected");
        }
        checkManifests(name, version, listing, label, versionDocument);
        return new Upload(version, versionDocument.deepCopy(), tarball, listing);
    }

    private static byte[] attachment(PackageName name, String version, JsonNode attachments) {
        if (!attachments.isObject() || attachments.size() != 1) {
            throw HttpError.badRequest("'_attachments' must hold exactly one tarball", "bad request");
        }
        Map.Entry<String, JsonNode> entry = attachments.properties().iterator().next();
        String key = entry.getKey();
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        if (!fileName.equals(name.tarballFileName(version))) {
            throw HttpError.badRequest("the attachment '" + key + "' should be named '" + name.tarballFileName(version)
                + "'", "bad request");
        }
        JsonNode data = entry.getValue().get("data");
        if (data == null || !data.isTextual()) {
            throw HttpError.badRequest("the attachment '" + key + "' has no base64 'data'", "bad request");
        }
        byte[] tarball;
        try {
            tarball = Base64.getMimeDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("the attachment '" + key + "' is not valid base64: " + e.getMessage(), "bad request");
        }
        JsonNode length = entry.getValue().get("length");
        if (length != null && !length.isNull() && (!length.canConvertToLong() || length.asLong() != tarball.length)) {
            throw HttpError.badRequest("the attachment '" + key + "' declares length " + length + " but holds "
                + tarball.length + " bytes", "bad request");
        }
        return tarball;
    }

    private static void checkDigests(PackageName name, String version, JsonNode dist, byte[] tarball) {
        String label = name + "@" + version;
        String integrity = dist.path("integrity").asText(null);
        String shasum = dist.path("shasum").asText(null);
        if (integrity == null && shasum == null) {
            throw HttpError.badRequest("versions['" + version + "'].dist needs 'integrity' or 'shasum'", "bad request");
        }
        try {
            if (integrity != null) {
                Integrity.parse(integrity).verify(tarball, label);
            }
            if (shasum != null) {
                Integrity.parseShasum(shasum).verify(tarball, label);
            }
        } catch (PackException e) {
            throw HttpError.badRequest(e.getMessage(), "integrity mismatch");
        }
    }

    private static void checkManifests(PackageName name, String version, TarballListing listing, String label,
                                       ObjectNode versionDocument) {
        if (listing.manifests().isEmpty()) {
            throw HttpError.badRequest("tarball " + label + " has neither hype.json nor package.json at its top",
                "the tarball was rejected");
        }
        for (Map.Entry<String, String> manifest : listing.manifests().entrySet()) {
            JsonNode tree;
            try {
                tree = Request.JSON.readTree(manifest.getValue());
            } catch (JsonProcessingException e) {
                throw HttpError.badRequest("tarball " + label + ": " + manifest.getKey() + " is not valid JSON",
                    "the tarball was rejected");
            }
            if (!(tree instanceof ObjectNode)) {
                throw HttpError.badRequest("tarball " + label + ": " + manifest.getKey() + " is not a JSON object",
                    "the tarball was rejected");
            }
            String manifestName = tree.path("name").asText(null);
            String manifestVersion = tree.path("version").asText(null);
            if (!name.toString().equals(manifestName) || !version.equals(manifestVersion)) {
                throw HttpError.badRequest("tarball " + label + ": " + manifest.getKey() + " says " + manifestName + "@"
                    + manifestVersion + ", not " + name + "@" + version, "the tarball was rejected");
            }
        }
        // The manifest clients run by: hype.json when the tarball has one (it is what install reads), else package.json.
        String file = listing.manifest("hype.json").isPresent() ? "hype.json" : "package.json";
        try {
            ManifestMatch.check(versionDocument, Request.JSON.readTree(listing.manifest(file).orElseThrow()), name,
                version, label, file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode newPackument(PackageName name, String user) {
        ObjectNode packument = Request.JSON.createObjectNode();
        packument.put("_id", name.toString());
        packument.put("name", name.toString());
        packument.putObject("dist-tags");
        packument.putObject("versions");
        packument.putObject("time").put("created", Instant.now().toString());
        packument.putArray("maintainers").addObject().put("name", user);
        return packument;
    }

    private static void record(ObjectNode packument, PackageName name, Upload upload, ObjectNode body, String user) {
        String version = upload.version();
        String now = Instant.now().toString();
        ObjectNode document = NpmDependencyForm.toNpm(upload.document());
        document.put("_id", name + "@" + version);
        document.putObject("_npmUser").put("name", user);
        ObjectNode dist = document.withObjectProperty("dist");
        dist.put("integrity", Integrity.sha512(upload.tarball()).sri());
        dist.put("shasum", Integrity.sha1(upload.tarball()).hex());
        dist.put("tarball", name + "/-/" + name.tarballFileName(version));
        dist.put("fileCount", upload.listing().files().size());
        dist.put("unpackedSize", upload.listing().unpackedSize());
        packument.withObjectProperty("versions").set(version, document);
        ObjectNode time = packument.withObjectProperty("time");
        time.put(version, now);
        time.put("modified", now);
        ObjectNode tags = packument.withObjectProperty("dist-tags");
        JsonNode requested = body.path("dist-tags");
        boolean tagged = false;
        for (Map.Entry<String, JsonNode> tag : requested.properties()) {
            if (version.equals(tag.getValue().asText())) {
                tags.put(tag.getKey(), version);
                tagged = true;
            }
        }
        String latest = tags.path("latest").asText(null);
        boolean newer = latest != null && !VersionOrder.isPrerelease(version) && VersionOrder.compare(version, latest) > 0;
        if (latest == null || (!tagged && newer)) {
            tags.put("latest", version);
        }
        if (version.equals(tags.path("latest").asText(null))) {
            for (String field : COPIED_TOP_LEVEL_FIELDS) {
                JsonNode value = body.has(field) ? body.get(field) : document.get(field);
                if (value != null) {
                    packument.set(field, value.deepCopy());
                }
            }
        }
        ArrayNode maintainers = packument.withArrayProperty("maintainers");
        if (maintainers.isEmpty()) {
            maintainers.addObject().put("name", user);
        }
    }

    private void updateDeprecations(Request request, PackageName name, ObjectNode body, String user) throws IOException {
        JsonNode versions = body.get("versions");
        if (versions == null || !versions.isObject()) {
            throw HttpError.badRequest("the body has neither '_attachments' (publish) nor 'versions' (update)",
                "bad request");
        }
        int changed = 0;
        try (PackageLocks.Held _ = locks.lock(name)) {
            ObjectNode packument = store.packument(name)
                .orElseThrow(() -> HttpError.notFound("package " + name + " not found"));
            Ownership.check(packument, name, user);
            ObjectNode stored = packument.withObjectProperty("versions");
            for (Map.Entry<String, JsonNode> entry : versions.properties()) {
                if (!(stored.get(entry.getKey()) instanceof ObjectNode document)) {
                    continue;
                }
                JsonNode deprecated = entry.getValue().get("deprecated");
                if (deprecated != null && deprecated.isTextual() && !deprecated.asText().isEmpty()) {
                    changed += document.path("deprecated").asText("").equals(deprecated.asText()) ? 0 : 1;
                    document.put("deprecated", deprecated.asText());
                } else if (document.has("deprecated")) {
                    document.remove("deprecated");
                    changed++;
                }
            }
            if (changed > 0) {
                packument.withObjectProperty("time").put("modified", Instant.now().toString());
                store.writePackument(name, packument);
            }
        }
        request.sendJson(200, Request.JSON.createObjectNode().put("ok", "updated " + changed + " version(s) of " + name));
    }
}
