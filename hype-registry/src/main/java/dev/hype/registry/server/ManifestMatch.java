package dev.hype.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.resolve.NpmDependencyForm;
import dev.hype.registry.storage.PackageName;
import dev.hype.registry.storage.StorageException;
import java.util.List;

/**
 * Check at publish that a version document says what the tarball's own manifest says, for every field a client
 * acts on before it unpacks the tarball: the name and version, the {@code permissions} it shows for review, the
 * {@code bin} commands, and the {@code dependencies}, {@code optionalDependencies} and {@code features} the
 * resolver reads (object-form entries the body keeps under {@code hype.<section>} count as written in the
 * section, {@link NpmDependencyForm}). The tarball's {@code hype.json} is the manifest when it has one, else its {@code package.json}.
 *
 * <p>Without this, a publisher could show one set of permissions in {@code hype pkg info} and ship another, or
 * have clients resolve dependencies the package never declared.
 */
final class ManifestMatch {
    /** The fields compared, as they appear in both documents. */
    static final List<String> FIELDS = List.of("permissions", "bin", "dependencies", "optionalDependencies",
        "features");

    private ManifestMatch() {
    }

    /**
     * Answer 400 unless {@code document} (the body's version document) matches {@code manifest} (the tarball's).
     *
     * @param label names the tarball in messages
     * @param manifestFile {@code hype.json} or {@code package.json}
     */
    static void check(ObjectNode document, JsonNode manifest, PackageName name, String version, String label,
                      String manifestFile) {
        for (String field : FIELDS) {
            JsonNode published = normalise(field, NpmDependencyForm.SECTIONS.contains(field)
                ? NpmDependencyForm.section(document, field) : document.get(field), name);
            JsonNode shipped = normalise(field, manifest.get(field), name);
            if (!published.equals(shipped)) {
                throw HttpError.badRequest("versions['" + version + "']." + field + " does not match the " + manifestFile
                    + " in tarball " + label + ": the document says " + published + ", the tarball " + shipped,
                    "the package document does not match its tarball");
            }
        }
        for (String field : List.of("dependencies", "optionalDependencies")) {
            for (var dependency : normalise(field, manifest.get(field), name).properties()) {
                try {
                    PackageName.parse(dependency.getKey());
                } catch (StorageException e) {
                    throw HttpError.badRequest("tarball " + label + ": " + manifestFile + " " + field + ": "
                        + e.getMessage(), "invalid dependency name");
                }
            }
        }
    }

    /** Return a field in one comparable form: absent and null as an empty object, a bin string as an object. */
    static JsonNode normalise(String field, JsonNode value, PackageName name) {
        ObjectNode empty = JsonNodeFactory.instance.objectNode();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return empty;
        }
        if (field.equals("bin")) {
            ObjectNode bins = empty;
            if (value.isTextual()) {
                bins.put(name.bare(), stripDot(value.textValue()));
                return bins;
            }
            if (value.isObject()) {
                value.properties().forEach(e -> bins.set(e.getKey(), e.getValue().isTextual()
                    ? JsonNodeFactory.instance.textNode(stripDot(e.getValue().textValue())) : e.getValue()));
                return bins;
            }
        }
        return value;
    }

    private static String stripDot(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }
}
