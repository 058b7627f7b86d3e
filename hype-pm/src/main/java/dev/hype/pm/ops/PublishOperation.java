package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.PackedFile;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryException;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Pack a project, check it is ready, and publish it to the registry its name routes to. */
public final class PublishOperation {
    /** Code of a publish refused because the work tree has uncommitted changes. */
    public static final String E_UNCOMMITTED = "E_UNCOMMITTED";
    /** Code of a dist-tag that is not usable. */
    public static final String E_BAD_TAG = "E_BAD_TAG";
    /** Code of a package whose {@code hype.json} says {@code "private": true}. */
    public static final String E_PRIVATE = "E_PRIVATE";
    /** Code of a version that the default tag cannot point at: a prerelease, or below the highest release. */
    public static final String E_NEEDS_TAG = "E_NEEDS_TAG";
    /** Code of a version the registry already has. */
    public static final String E_PUBLISHED = "E_PUBLISHED";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PublishOperation() {
    }

    /**
     * Publish the project.
     *
     * @throws HypeException {@code E_UNCOMMITTED} with uncommitted changes and no {@code force}; a
     *     {@code ManifestException}, {@code PackException} or {@code RegistryException} from the steps
     */
    public static PublishResult run(PublishOptions options, RegistryClient client, PublishReporter reporter) {
        String tag = options.effectiveTag();
        checkTag(tag);
        PackOutcome outcome = PackOperation.run(new PackOptions(options.projectDirectory(), options.projectDirectory(), true));
        JsonNode manifest = manifestJson(options);
        if (truthy(manifest.get("private"))) {
            throw new HypeException(E_PRIVATE, outcome.packed().name() + " is marked private in " + Manifest.FILE_NAME
                + "; it is never published",
                List.of("remove \"private\": true from " + Manifest.FILE_NAME + " to publish it"));
        }
        Version version = Version.parse(outcome.packed().version(), false);
        if (!options.force()) {
            List<String> packed = outcome.packed().files().stream().map(PackedFile::path).toList();
            WorkTree.uncommittedChanges(options.projectDirectory(), packed).filter(lines -> !lines.isEmpty())
                .ifPresent(lines -> {
                    throw new HypeException(E_UNCOMMITTED, options.projectDirectory().toAbsolutePath()
                        + " has uncommitted changes: " + String.join(", ", lines.stream().limit(5).toList())
                        + (lines.size() > 5 ? " and " + (lines.size() - 5) + " more" : ""),
                        List.of("commit them first, or pass --force to publish anyway"));
                });
            checkPrerelease(outcome.packed().name(), version, options.tag() == null);
        }
        // As npm: without credentials for the registry, say so before asking it anything (a dry run goes on).
        if (!options.dryRun() && !client.hasCredentials(outcome.packed().name())) {
            throw RegistryException.needsCredentials(client.registryFor(outcome.packed().name()),
                outcome.packed().name(), "publish");
        }
        if (!options.force()) {
            checkVersion(outcome.packed().name(), version, options.tag() == null, client);
        }
        reporter.packed(outcome.packed());
        URI registry = client.registryFor(outcome.packed().name());
        if (options.dryRun()) {
            return new PublishResult(outcome.packed(), registry, tag, null, true);
        }
        reporter.uploading(registry, outcome.packed());
        if (options.signingKey() != null) {
            manifest = signed(manifest, outcome.packed(), options.signingKey());
        }
        URI tarball = client.publish(outcome.packed(), manifest, tag);
        return new PublishResult(outcome.packed(), registry, tag, tarball, false);
    }

    /** Apply npm's first rule for the default tag: a prerelease needs an explicit {@code --tag}. */
    private static void checkPrerelease(String name, Version version, boolean defaultTag) {
        if (defaultTag && version.isPrerelease()) {
            throw new HypeException(E_NEEDS_TAG, "a prerelease (" + name + "@" + version + ") needs a tag given with "
                + "--tag: it would otherwise become 'latest', which every plain install picks",
                List.of("publish it with --tag next (or beta, rc, ...); move 'latest' later with 'hype pkg dist-tag add "
                    + name + "@" + version + " latest'"));
        }
    }

    /**
     * Apply npm's other rules: a version not above the highest published release (deprecated versions aside) needs
     * an explicit {@code --tag}, and a published version cannot be published again.
     */
    private static void checkVersion(String name, Version version, boolean defaultTag, RegistryClient client) {
        List<Version> releases = publishedReleases(name, client);
        if (releases.contains(version)) {
            throw new HypeException(E_PUBLISHED, name + "@" + version + " is already published in "
                + client.registryFor(name) + "; a version is published once",
                List.of("published versions are immutable; bump \"version\" in " + Manifest.FILE_NAME
                    + " and publish again"));
        }
        Version highest = releases.stream().max(Version::compareTo).orElse(null);
        if (defaultTag && highest != null && highest.compareTo(version) >= 0) {
            throw new HypeException(E_NEEDS_TAG, "cannot point 'latest' at " + name + "@" + version + ": the published "
                + highest + " is higher; a lower version needs a tag given with --tag",
                List.of("publish a backport with --tag (for example --tag v" + version.major() + "-latest); "
                    + "'latest' stays at " + highest));
        }
    }

    /** Return the published versions that are neither prereleases nor deprecated; none when the package is new. */
    private static List<Version> publishedReleases(String name, RegistryClient client) {
        Packument packument;
        try {
            packument = client.packument(name, Form.FULL);
        } catch (RegistryException e) {
            if (RegistryException.E_NOT_FOUND.equals(e.code())) {
                return List.of();
            }
            throw e;
        }
        return packument.versions().stream().filter(v -> !v.isPrerelease())
            .filter(v -> packument.version(v.toString()).map(doc -> !truthy(doc.get("deprecated"))).orElse(true))
            .toList();
    }

    /** Tell whether a JSON value is true as JavaScript reads it (npm's {@code if (manifest.private)}). */
    private static boolean truthy(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            return !value.asText().isEmpty();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0 && !Double.isNaN(value.asDouble());
        }
        return true;
    }

    /** Attach an Ed25519 signature over {@code name@version:integrity} as {@code dist.signatures}. */
    private static JsonNode signed(JsonNode manifest, dev.hype.pm.pack.PackResult packed, java.nio.file.Path keyFile) {
        var privateKey = dev.hype.pm.sign.SigningKeys.readPrivateKey(keyFile);
        String keyid = dev.hype.pm.sign.SigningKeys.keyid(dev.hype.pm.sign.SigningKeys.publicKeyBeside(keyFile));
        var signature = dev.hype.pm.sign.PackageSignature.sign(packed.name(), packed.version(),
                packed.integrity().sri(), privateKey, keyid);
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) manifest)
                .deepCopy();
        copy.putObject("dist").putArray("signatures").addObject()
                .put("keyid", signature.keyid()).put("sig", signature.sig());
        return copy;
    }

    private static JsonNode manifestJson(PublishOptions options) {
        var file = options.projectDirectory().resolve(Manifest.FILE_NAME);
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new PackException(PackException.E_PACK, "cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
    }

    private static void checkTag(String tag) {
        if (tag == null || tag.isBlank() || !tag.matches("[A-Za-z0-9._-]+") || Version.tryParse(tag, true).isPresent()) {
            throw new HypeException(E_BAD_TAG, "'" + tag + "' cannot be a dist-tag",
                List.of("a tag is a word such as latest, next or beta; it must not look like a version"));
        }
    }
}
