package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.TarballListing;
import dev.hype.pm.pack.Unpacker;
import dev.hype.pm.resolve.NpmDependencyForm;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Build and read the documents of npm's registry protocol, shared by every client. */
final class NpmProtocol {
    static final ObjectMapper JSON = new ObjectMapper();

    private NpmProtocol() {
    }

    /** Escape a package name for a URL path: {@code @scope/name} becomes {@code @scope%2fname}. */
    static String escape(String name) {
        return NpmNames.escape(name);
    }

    /** Return the unscoped part of a name. */
    static String bare(String name) {
        return name.startsWith("@") && name.contains("/") ? name.substring(name.indexOf('/') + 1) : name;
    }

    /** Return the tarball file name a registry keeps: {@code name-1.0.0.tgz}, unscoped. */
    static String tarballFileName(String name, String version) {
        return bare(name) + "-" + version + ".tgz";
    }

    /**
     * Build the body of {@code PUT /{name}} exactly as npm's client sends it; dependencies in Hype's object form
     * go in {@link NpmDependencyForm}'s npm-readable form.
     */
    static ObjectNode publishBody(PackResult packed, JsonNode manifest, String tag, URI registry) {
        ObjectNode version = manifest.isObject() ? NpmDependencyForm.toNpm((ObjectNode) manifest) : JSON.createObjectNode();
        JsonNode signatures = version.path("dist").path("signatures");
        version.put("name", packed.name());
        version.put("version", packed.version());
        version.put("_id", packed.name() + "@" + packed.version());
        version.putObject("dist")
            .put("integrity", packed.integrity().sri())
            .put("shasum", packed.shasum().hex())
            .put("tarball", tarballUrl(registry, packed.name(), packed.version()).toString());
        if (signatures.isArray()) {
            ((ObjectNode) version.get("dist")).set("signatures", signatures);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("_id", packed.name());
        body.put("name", packed.name());
        body.put("description", version.path("description").asText(""));
        body.putObject("dist-tags").put(tag, packed.version());
        body.putObject("versions").set(packed.version(), version);
        body.putNull("access");
        body.putObject("_attachments").putObject(packed.name() + "-" + packed.version() + ".tgz")
            .put("content_type", "application/octet-stream")
            .put("data", Base64.getEncoder().encodeToString(packed.tarball()))
            .put("length", packed.tarball().length);
        return body;
    }

    /** Return the conventional tarball URL of a version in {@code registry}. */
    static URI tarballUrl(URI registry, String name, String version) {
        return URI.create(registry + "/" + name + "/-/" + tarballFileName(name, version));
    }

    /** Read the {@code objects} of a search answer. */
    static List<SearchHit> searchHits(JsonNode answer, URI registry) {
        JsonNode objects = answer.get("objects");
        if (objects == null || !objects.isArray()) {
            throw RegistryException.badResponse(registry, null, "the search answer has no 'objects' array");
        }
        List<SearchHit> hits = new ArrayList<>();
        for (JsonNode object : objects) {
            JsonNode pkg = object.path("package");
            List<String> keywords = new ArrayList<>();
            pkg.path("keywords").forEach(k -> keywords.add(k.asText()));
            hits.add(new SearchHit(pkg.path("name").asText(), pkg.path("version").asText(""),
                pkg.path("description").asText(""), keywords));
        }
        return hits;
    }

    /** Check a packument's shape and wrap it. */
    static Packument packument(JsonNode tree, URI registry, String name) {
        return Packument.checked(tree, registry, name);
    }

    /**
     * Check a downloaded tarball against its published digest, then inspect every entry.
     *
     * @throws RegistryException with code {@code E_INTEGRITY} on a mismatch or a missing digest
     * @throws PackException for a corrupt or unsafe tarball
     */
    static Tarball verify(URI registry, String name, String version, Dist dist, byte[] bytes) {
        Integrity expected;
        try {
            expected = dist.integrity() != null ? Integrity.parse(dist.integrity())
                : dist.shasum() != null ? Integrity.parseShasum(dist.shasum()) : null;
        } catch (PackException e) {
            throw RegistryException.integrity(registry, name, version, String.valueOf(dist.integrity()),
                "an unreadable digest (" + e.getMessage() + ")");
        }
        if (expected == null) {
            throw RegistryException.integrity(registry, name, version, "a published integrity or shasum",
                "neither in dist");
        }
        if (!expected.matches(bytes)) {
            Integrity actual = Integrity.of(expected.algorithm(), bytes);
            throw RegistryException.integrity(registry, name, version, describe(expected), describe(actual));
        }
        TarballListing listing = Unpacker.create().inspect(bytes, name + "@" + version);
        // the bytes just matched a sha512 digest: it is their integrity, without hashing them a second time
        return new Tarball(name, version, bytes, expected.algorithm() == Integrity.Algorithm.SHA512 ? expected
                : Integrity.sha512(bytes), listing);
    }

    private static String describe(Integrity integrity) {
        return integrity.algorithm() == Integrity.Algorithm.SHA1 ? "sha1 " + integrity.hex() : integrity.sri();
    }
}
