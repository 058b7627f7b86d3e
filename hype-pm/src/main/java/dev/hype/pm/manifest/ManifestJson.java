package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.List;
import java.util.Map;

/** Render a {@link Manifest} as a JSON tree, omitting empty fields. */
final class ManifestJson {
    private ManifestJson() {
    }

    static ObjectNode write(Manifest m) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        put(out, "name", m.name());
        put(out, "version", m.version() == null ? null : m.version().toFullString());
        put(out, "description", m.description());
        put(out, "main", m.main());
        for (DependencyKind kind : DependencyKind.values()) {
            dependencies(out, kind, m.specs(kind));
        }
        if (!m.features().isEmpty()) {
            ObjectNode features = out.putObject("features");
            m.features().forEach((k, v) -> list(features, k, v, true));
        }
        if (m.exports() != null) {
            out.set("exports", m.exports());
        }
        if (m.imports() != null) {
            out.set("imports", m.imports());
        }
        map(out, "bin", m.bin());
        list(out, "files", m.files(), false);
        map(out, "scripts", m.scripts());
        list(out, "test", m.test(), false);
        permissions(out, m.permissions());
        if (m.hypeEngine() != null) {
            out.putObject("engines").put("hype", m.hypeEngine());
        }
        list(out, "authors", m.authors(), false);
        put(out, "license", m.license());
        if (m.repository() != null) {
            ObjectNode repo = out.putObject("repository");
            put(repo, "type", m.repository().type().isEmpty() ? null : m.repository().type());
            put(repo, "url", m.repository().url());
            put(repo, "directory", m.repository().directory().isEmpty() ? null : m.repository().directory());
        }
        put(out, "homepage", m.homepage());
        put(out, "documentation", m.documentation());
        list(out, "keywords", m.keywords(), false);
        list(out, "categories", m.categories(), false);
        m.extras().forEach(out::set);
        return out;
    }

    /** Write a section: plain declarations as range strings, the others in the object form. */
    private static void dependencies(ObjectNode out, DependencyKind kind, Map<String, DependencySpec> specs) {
        if (specs.isEmpty()) {
            return;
        }
        ObjectNode section = out.putObject(kind.key());
        specs.forEach((name, spec) -> {
            if (spec.isPlain(kind)) {
                section.put(name, spec.range());
                return;
            }
            ObjectNode object = section.putObject(name);
            object.put("version", spec.range());
            list(object, "features", spec.features(), false);
            if (spec.optional() && kind != DependencyKind.OPTIONAL) {
                object.put("optional", true);
            }
            if (!spec.defaultFeatures()) {
                object.put("default-features", false);
            }
        });
    }

    private static void permissions(ObjectNode out, PermissionSpec p) {
        if (!p.isEmpty()) {
            out.set("permissions", p.toJson());
        }
    }

    private static void put(ObjectNode out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static void map(ObjectNode out, String key, Map<String, String> values) {
        if (!values.isEmpty()) {
            ObjectNode node = out.putObject(key);
            values.forEach(node::put);
        }
    }

    private static void list(ObjectNode out, String key, List<String> values, boolean evenIfEmpty) {
        if (evenIfEmpty || !values.isEmpty()) {
            ArrayNode node = out.putArray(key);
            values.forEach(node::add);
        }
    }
}
