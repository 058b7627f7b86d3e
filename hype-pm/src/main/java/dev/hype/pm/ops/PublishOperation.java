package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.pack.PackedFile;
import dev.hype.pm.registry.RegistryClient;
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
        checkTag(options.tag());
        PackOutcome outcome = PackOperation.run(new PackOptions(options.projectDirectory(), options.projectDirectory(), true));
        if (!options.force()) {
            List<String> packed = outcome.packed().files().stream().map(PackedFile::path).toList();
            WorkTree.uncommittedChanges(options.projectDirectory(), packed).filter(lines -> !lines.isEmpty())
                .ifPresent(lines -> {
                    throw new HypeException(E_UNCOMMITTED, options.projectDirectory().toAbsolutePath()
                        + " has uncommitted changes: " + String.join(", ", lines.stream().limit(5).toList())
                        + (lines.size() > 5 ? " and " + (lines.size() - 5) + " more" : ""),
                        List.of("commit them first, or pass --force to publish anyway"));
                });
        }
        reporter.packed(outcome.packed());
        URI registry = client.registryFor(outcome.packed().name());
        if (options.dryRun()) {
            return new PublishResult(outcome.packed(), registry, options.tag(), null, true);
        }
        reporter.uploading(registry, outcome.packed());
        JsonNode manifest = manifestJson(options);
        if (options.signingKey() != null) {
            manifest = signed(manifest, outcome.packed(), options.signingKey());
        }
        URI tarball = client.publish(outcome.packed(), manifest, options.tag());
        return new PublishResult(outcome.packed(), registry, options.tag(), tarball, false);
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
            throw new PackException(PackException.E_PACK, "cannot read " + file + ": " + e.getMessage(), List.of(), e);
        }
    }

    private static void checkTag(String tag) {
        if (tag == null || tag.isBlank() || !tag.matches("[A-Za-z0-9._-]+") || Version.tryParse(tag, true).isPresent()) {
            throw new HypeException(E_BAD_TAG, "'" + tag + "' cannot be a dist-tag",
                List.of("a tag is a word such as latest, next or beta; it must not look like a version"));
        }
    }
}
