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
        map(out, "dependencies", m.dependencies());
        map(out, "devDependencies", m.devDependencies());
        map(out, "optionalDependencies", m.optionalDependencies());
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
