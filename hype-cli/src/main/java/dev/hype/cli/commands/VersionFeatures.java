package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.features.FeatureTable;
import dev.hype.pm.resolve.PublishedDependencies;
import java.util.ArrayList;
import java.util.List;

/** Describe a published version's dependency declarations and features for {@code hype pkg info}. */
final class VersionFeatures {
    private VersionFeatures() {
    }

    /** Describe one declaration: its range, then what the object form adds. */
    static String dependency(JsonNode value) {
        if (!value.isObject()) {
            return value.asText();
        }
        List<String> notes = new ArrayList<>();
        JsonNode features = value.path("features");
        if (features.isArray() && !features.isEmpty()) {
            List<String> names = new ArrayList<>();
            features.forEach(f -> names.add(f.asText()));
            notes.add("features: " + String.join(", ", names));
        }
        if (value.path("optional").asBoolean(false)) {
            notes.add("optional");
        }
        if (!value.path("default-features").asBoolean(true)) {
            notes.add("without default features");
        }
        String range = value.path("version").asText("?");
        return notes.isEmpty() ? range : range + " (" + String.join("; ", notes) + ")";
    }

    /**
     * List the version's features, one line each: a declared one as {@code name = entries}, one an optional
     * dependency implies as {@code name (optional dependency)}.
     */
    static List<String> lines(JsonNode version) {
        FeatureTable table;
        try {
            table = PublishedDependencies.read(version).table();
        } catch (IllegalArgumentException e) {
            return List.of("unreadable (" + e.getMessage() + ")");
        }
        List<String> lines = new ArrayList<>();
        for (String feature : table.features()) {
            List<String> entries = table.declared().get(feature);
            boolean implied = table.impliedFeatures().contains(feature);
            String text = feature;
            if (entries != null) {
                text += " = " + (entries.isEmpty() ? "[]" : String.join(", ", entries));
            }
            lines.add(implied ? text + " (optional dependency)" : text);
        }
        return lines;
    }
}
