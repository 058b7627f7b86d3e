package dev.hype.pm.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Keep a published version document readable by npm's clients while it carries Hype's object form of dependencies.
 *
 * <p>npm's packument format has a range string for every entry of {@code dependencies}, {@code devDependencies}
 * and {@code optionalDependencies}; npm, pnpm and Verdaccio expect nothing else there. A Hype manifest may write an
 * entry as {@code {"version", "features", "optional", "default-features"}}. When such a manifest is published, the
 * version document keeps npm's form (each entry's {@code version} string) and moves the objects, unchanged, into
 * {@code hype.<section>}. Hype's readers put them back with {@link #section}, so both kinds of client read the same
 * ranges, and Hype also reads the features.
 */
public final class NpmDependencyForm {
    /** The field of a version document that holds the object-form entries, by section. */
    public static final String FIELD = "hype";

    /** The dependency sections that may hold the object form. */
    public static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies");

    private NpmDependencyForm() {
    }

    /**
     * Return a copy of {@code version} in npm's form: every object-form entry replaced by its {@code version}
     * string and kept whole under {@code hype.<section>}. A document without object-form entries comes back equal.
     */
    public static ObjectNode toNpm(ObjectNode version) {
        ObjectNode copy = version.deepCopy();
        for (String section : SECTIONS) {
            JsonNode entries = copy.get(section);
            if (!(entries instanceof ObjectNode object)) {
                continue;
            }
            for (var entry : object.properties()) {
                JsonNode value = entry.getValue();
                if (value.isObject() && value.path("version").isTextual()) {
                    copy.withObjectProperty(FIELD).withObjectProperty(section).set(entry.getKey(), value);
                    entry.setValue(JsonNodeFactory.instance.textNode(value.get("version").asText()));
                }
            }
        }
        return copy;
    }

    /**
     * Return one dependency section of {@code version} as Hype reads it: npm's entries, each replaced by its
     * object form from {@code hype.<section>} when the document has one. Objects under {@code hype} for names the
     * npm section does not list are ignored, so npm and Hype never resolve different sets of packages. A document
     * published before this form (objects directly in the section) reads as it is.
     *
     * @return the section (missing, null, or whatever the document holds when it is not an object)
     */
    public static JsonNode section(JsonNode version, String section) {
        JsonNode entries = version.path(section);
        JsonNode objects = version.path(FIELD).path(section);
        if (!entries.isObject() || !objects.isObject() || objects.isEmpty()) {
            return entries;
        }
        ObjectNode merged = ((ObjectNode) entries).deepCopy();
        for (var entry : merged.properties()) {
            JsonNode object = objects.get(entry.getKey());
            if (object != null && object.isObject()) {
                entry.setValue(object);
            }
        }
        return merged;
    }
}
