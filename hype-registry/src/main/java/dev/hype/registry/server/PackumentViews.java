package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.resolve.NpmDependencyForm;
import dev.hype.registry.storage.PackageName;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shape stored packuments into what clients receive: the full document, npm's abbreviated
 * install form, or one version; tarball links always point at the server answering.
 */
final class PackumentViews {

    /**
     * The version fields of the abbreviated form: npm's, per its registry documentation, plus Hype's
     * {@code permissions}, so a client can show what a version asks for before downloading it, and
     * {@code features} and {@code hype} (object-form dependencies, {@link NpmDependencyForm}), which the resolver
     * reads.
     */
    private static final Set<String> ABBREVIATED_VERSION_FIELDS = Set.of(
        "name", "version", "deprecated", "dependencies", "optionalDependencies", "devDependencies", "permissions", "features",
        NpmDependencyForm.FIELD, "peerDependencies", "peerDependenciesMeta", "bundleDependencies", "bundledDependencies",
        "acceptDependencies", "bin", "directories", "dist", "engines", "cpu", "os", "libc", "funding",
        "license", "_hasShrinkwrap", "hasInstallScript");

    /** Bookkeeping fields Verdaccio keeps in its storage files; never sent to clients. */
    private static final List<String> STORAGE_ONLY_FIELDS = List.of("_attachments", "_uplinks", "_distfiles");

    private PackumentViews() {
    }

    /**
     * Return the full packument with tarball links rewritten for {@code baseUrl}; this changes
     * and returns {@code packument}, which must be the caller's own copy.
     */
    static ObjectNode full(PackageName name, ObjectNode packument, String baseUrl) {
        ObjectNode view = packument;
        view.remove(STORAGE_ONLY_FIELDS);
        JsonNode versions = view.path("versions");
        for (Map.Entry<String, JsonNode> entry : versions.properties()) {
            if (entry.getValue() instanceof ObjectNode version) {
                linkTarball(name, entry.getKey(), version, baseUrl);
            }
        }
        return view;
    }

    /** Return npm's abbreviated ("corgi") form: name, modified, dist-tags and install fields only. */
    static ObjectNode abbreviated(PackageName name, ObjectNode packument, String baseUrl) {
        ObjectNode view = Request.JSON.createObjectNode();
        view.put("name", name.toString());
        view.put("modified", packument.path("time").path("modified").asText(Instant.EPOCH.toString()));
        view.set("dist-tags", packument.path("dist-tags").deepCopy());
        ObjectNode versions = view.putObject("versions");
        for (Map.Entry<String, JsonNode> entry : packument.path("versions").properties()) {
            ObjectNode version = versions.putObject(entry.getKey());
            for (Map.Entry<String, JsonNode> field : entry.getValue().properties()) {
                if (ABBREVIATED_VERSION_FIELDS.contains(field.getKey())) {
                    version.set(field.getKey(), field.getValue().deepCopy());
                }
            }
            linkTarball(name, entry.getKey(), version, baseUrl);
        }
        return view;
    }

    /** Return the document of {@code versionOrTag}, or answer 404. */
    static ObjectNode version(PackageName name, ObjectNode packument, String versionOrTag, String baseUrl) {
        String version = packument.path("dist-tags").path(versionOrTag).asText(versionOrTag);
        JsonNode document = packument.path("versions").path(version);
        if (!(document instanceof ObjectNode object)) {
            throw HttpError.notFound("version or tag '" + versionOrTag + "' of " + name + " not found");
        }
        ObjectNode view = object.deepCopy();
        linkTarball(name, version, view, baseUrl);
        return view;
    }

    /** Return when the package last changed, from {@code time.modified}. */
    static Instant modified(ObjectNode packument) {
        try {
            return Instant.parse(packument.path("time").path("modified").asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Return the URL of a tarball of {@code name} on the server at {@code baseUrl}. */
    static String tarballUrl(PackageName name, String version, String baseUrl) {
        return baseUrl + "/" + name + "/-/" + name.tarballFileName(version);
    }

    private static void linkTarball(PackageName name, String version, ObjectNode document, String baseUrl) {
        JsonNode dist = document.get("dist");
        if (dist instanceof ObjectNode object) {
            object.put("tarball", tarballUrl(name, version, baseUrl));
        }
    }
}
