package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.features.FeatureName;
import dev.hype.pm.features.FeatureTable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validate the {@code features} object of a manifest against its dependencies: feature names, and entries that name
 * a feature, an optional dependency ({@code name} or {@code dep:name}) or a dependency's feature
 * ({@code dep/feature}, {@code dep?/feature}).
 */
final class FeaturesReader {
    private final ManifestReader reader;

    FeaturesReader(ManifestReader reader) {
        this.reader = reader;
    }

    /** Read the features, given the runtime and optional dependency sections as read. */
    Map<String, List<String>> read(Map<String, DependencySpec> dependencies, Map<String, DependencySpec> optional) {
        Set<String> requiredNames = new LinkedHashSet<>();
        Set<String> optionalNames = new LinkedHashSet<>(optional.keySet());
        dependencies.forEach((name, spec) -> {
            if (spec.optional()) {
                optionalNames.add(name);
            } else {
                requiredNames.add(name);
            }
            if (optional.containsKey(name)) {
                reader.problem(DependencyKind.OPTIONAL.key() + "." + name, "\"" + name + "\" is also in dependencies;"
                        + " declare it once (with \"optional\": true there to make it optional)");
            }
        });
        JsonNode node = reader.node("features");
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            reader.problem("features", "expected an object mapping feature names to arrays");
            return result;
        }
        node.properties().forEach(e -> {
            FeatureName.problem(e.getKey()).ifPresent(p -> reader.problem("features." + e.getKey(), p));
            result.put(e.getKey(), reader.strings("features." + e.getKey()));
        });
        FeatureTable table = new FeatureTable(requiredNames, optionalNames, result);
        result.forEach((feature, entries) -> {
            for (int i = 0; i < entries.size(); i++) {
                String at = "features." + feature + "[" + i + "]";
                table.entryProblem(entries.get(i)).ifPresent(p -> reader.problem(at, p));
            }
        });
        return result;
    }
}
