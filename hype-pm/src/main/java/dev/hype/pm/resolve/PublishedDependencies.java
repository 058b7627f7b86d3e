package dev.hype.pm.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.DependencyRange;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.semver.SemverException;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read what a published version document says the resolver needs: {@code dependencies} and
 * {@code optionalDependencies}, each value a range string or an object {@code {"version", "features", "optional",
 * "default-features"}} (unknown fields ignored, so newer publishers' data does no harm), and {@code features}.
 * Object-form entries a publisher moved to {@code hype.<section>} for npm's sake are read back first
 * ({@link NpmDependencyForm}). A registry's abbreviated document and a package index hold the same fields.
 */
public final class PublishedDependencies {
    private PublishedDependencies() {
    }

    /**
     * Read the dependencies of one version document.
     *
     * @throws IllegalArgumentException naming the field ({@code dependencies.b.version: ...}) when one is malformed
     */
    public static Dependencies read(JsonNode version) {
        Map<String, VersionSet> required = new LinkedHashMap<>();
        Map<String, VersionSet> optional = new LinkedHashMap<>();
        Map<String, FeatureRequest> requests = new LinkedHashMap<>();
        section(NpmDependencyForm.section(version, "dependencies"), "dependencies", false, required, optional, requests);
        section(NpmDependencyForm.section(version, "optionalDependencies"), "optionalDependencies", true, required, optional, requests);
        Map<String, List<String>> features = new LinkedHashMap<>();
        JsonNode node = version.path("features");
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            throw new IllegalArgumentException("features: expected an object");
        }
        for (var e : node.properties()) {
            features.put(e.getKey(), strings(e.getValue(), "features." + e.getKey()));
        }
        return new Dependencies(required, optional, features, requests);
    }

    private static void section(JsonNode node, String where, boolean optionalSection, Map<String, VersionSet> required,
                                Map<String, VersionSet> optional, Map<String, FeatureRequest> requests) {
        if (node.isMissingNode() || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object");
        }
        for (var e : node.properties()) {
            String at = where + "." + e.getKey();
            JsonNode value = e.getValue();
            boolean isOptional = optionalSection;
            String text;
            if (value.isTextual()) {
                text = value.asText();
            } else if (value.isObject() && value.path("version").isTextual()) {
                text = value.get("version").asText();
                isOptional |= flag(value, "optional", false, at);
                FeatureRequest request = FeatureRequest.of(strings(value.path("features"), at + ".features"),
                        flag(value, "default-features", true, at));
                if (!request.equals(FeatureRequest.DEFAULT)) {
                    requests.put(e.getKey(), request);
                }
            } else {
                throw new IllegalArgumentException(at + ": expected a version range or an object with a \"version\"");
            }
            VersionSet set;
            try {
                set = DependencyRange.parse(e.getKey(), text);
            } catch (SemverException | RockException ex) {
                throw new IllegalArgumentException(at + ": \"" + text + "\" is not a valid version range", ex);
            }
            (isOptional ? optional : required).put(e.getKey(), set);
        }
    }

    private static boolean flag(JsonNode object, String field, boolean absent, String at) {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException(at + "." + field + ": expected true or false");
        }
        return node.booleanValue();
    }

    private static List<String> strings(JsonNode node, String at) {
        List<String> result = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(at + ": expected an array of strings");
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(at + ": expected an array of strings");
            }
            result.add(item.asText());
        }
        return result;
    }
}
