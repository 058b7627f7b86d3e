package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.semver.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hold a package document as a registry served it, full or abbreviated.
 *
 * @param name the package name
 * @param document the JSON document; callers get a copy
 */
public record Packument(String name, ObjectNode document) {

    /** Keep a private copy of the document. */
    public Packument {
        document = document.deepCopy();
    }

    /** Check a packument's shape and wrap it. */
    static Packument checked(JsonNode tree, java.net.URI registry, String name) {
        if (!(tree instanceof ObjectNode object) || !tree.path("versions").isObject()) {
            throw RegistryException.badResponse(registry, name, "the package document has no 'versions' object");
        }
        return new Packument(name, object);
    }

    /** Return a copy of the document. */
    @Override
    public ObjectNode document() {
        return document.deepCopy();
    }

    /** Return the description (of the document, else of the latest version), or empty. */
    public Optional<String> description() {
        String own = document.path("description").asText("");
        if (!own.isEmpty()) {
            return Optional.of(own);
        }
        return latest().flatMap(this::version).map(v -> v.path("description").asText("")).filter(d -> !d.isEmpty());
    }

    /** Return the dist-tags, tag to version. */
    public Map<String, String> distTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        document.path("dist-tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }

    /** Return the version the {@code latest} tag points at, if any. */
    public Optional<String> latest() {
        return Optional.ofNullable(distTags().get("latest"));
    }

    /** Return the published versions that parse as semver, in document order. */
    public List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        document.path("versions").properties()
            .forEach(e -> Version.tryParse(e.getKey(), false).ifPresent(versions::add));
        return versions;
    }

    /** Return one version's document (a copy), if published. */
    public Optional<JsonNode> version(String version) {
        JsonNode node = document.path("versions").get(version);
        return node == null || !node.isObject() ? Optional.empty() : Optional.of(node.deepCopy());
    }

    /** Return where one version's tarball is and how to check it, if the version is published. */
    public Optional<Dist> dist(String version) {
        return version(version).map(v -> Dist.of(v.path("dist")));
    }
}
