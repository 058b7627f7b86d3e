package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.features.FeatureName;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validate one dependency section of a manifest: each value a range string or an object
 * {@code {"version", "features", "optional", "default-features"}}, every bad field reported where it is.
 */
final class DependencyReader {
    private static final Set<String> KEYS = Set.of("version", "features", "optional", "default-features");
    private static final String EXPECTED = "expected a version range string or an object with \"version\", "
            + "\"features\", \"optional\" and \"default-features\"";

    private final ManifestReader reader;

    DependencyReader(ManifestReader reader) {
        this.reader = reader;
    }

    /** Read the section; entries with problems are reported and left out, so that later checks see valid ones only. */
    Map<String, DependencySpec> read(DependencyKind kind) {
        String section = kind.key();
        JsonNode node = reader.node(section);
        Map<String, DependencySpec> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            reader.problem(section, "expected an object mapping package names to version ranges");
            return result;
        }
        for (var e : node.properties()) {
            String path = section + "." + e.getKey();
            if (RockName.isRock(e.getKey())) {
                DependencySpec spec = rock(kind, path, e.getValue());
                if (spec != null) {
                    result.put(e.getKey(), spec);
                }
                continue;
            }
            PackageName.problem(e.getKey()).ifPresent(p -> reader.problem(path, "invalid package name: " + p));
            DependencySpec spec = spec(kind, path, e.getValue());
            if (spec != null) {
                result.put(e.getKey(), spec);
            }
        }
        return result;
    }

    /** A LuaRocks rock ({@code rocks:NAME}): a LuaRocks constraint string; rocks have no features. */
    private DependencySpec rock(DependencyKind kind, String path, JsonNode value) {
        int before = reader.problemCount();
        RockName.problem(path.substring(path.indexOf('.') + 1))
                .ifPresent(p -> reader.problem(path, "invalid rock name: " + p));
        if (!value.isTextual()) {
            reader.problem(path, "expected a LuaRocks constraint string such as \"~> 1.14\" (a rock has no features, "
                    + "so it takes no object form)");
            return null;
        }
        RockConstraint.problem(value.asText()).ifPresent(p -> reader.problem(path, p));
        return reader.problemCount() > before ? null : DependencySpec.of(value.asText(), kind);
    }

    private DependencySpec spec(DependencyKind kind, String path, JsonNode value) {
        if (value.isTextual()) {
            return range(path, value.asText()) ? DependencySpec.of(value.asText(), kind) : null;
        }
        if (!value.isObject()) {
            reader.problem(path, EXPECTED);
            return null;
        }
        int before = reader.problemCount();
        value.properties().forEach(e -> {
            if (!KEYS.contains(e.getKey())) {
                reader.problem(path + "." + e.getKey(), "unknown field" + suggestion(e.getKey()));
            }
        });
        JsonNode version = value.get("version");
        String range = null;
        if (version == null) {
            reader.problem(path, "missing required field \"version\"");
        } else if (!version.isTextual()) {
            reader.problem(path + ".version", "expected a version range string");
        } else if (range(path + ".version", version.asText())) {
            range = version.asText();
        }
        List<String> features = features(path + ".features", value.get("features"));
        boolean optional = flag(path + ".optional", value.get("optional"), kind == DependencyKind.OPTIONAL);
        if (kind == DependencyKind.DEV && optional) {
            reader.problem(path + ".optional", "a dev dependency cannot be optional (features cannot enable it)");
        } else if (kind == DependencyKind.OPTIONAL && !optional) {
            reader.problem(path + ".optional", "every entry of optionalDependencies is optional; move it to "
                    + "dependencies to make it required");
        }
        boolean defaultFeatures = flag(path + ".default-features", value.get("default-features"), true);
        return reader.problemCount() > before ? null : new DependencySpec(range, features, optional, defaultFeatures);
    }

    private boolean range(String path, String text) {
        if (Range.tryParse(text, RangeOptions.DEFAULT).isEmpty()) {
            reader.problem(path, ManifestReader.quote(text) + " is not a valid version range");
            return false;
        }
        return true;
    }

    private List<String> features(String path, JsonNode node) {
        List<String> features = new ArrayList<>();
        if (node == null) {
            return features;
        }
        if (!node.isArray()) {
            reader.problem(path, "expected an array of feature names");
            return features;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String at = path + "[" + i + "]";
            if (!item.isTextual()) {
                reader.problem(at, "expected a feature name");
            } else if (FeatureName.problem(item.asText()).isPresent()) {
                reader.problem(at, FeatureName.problem(item.asText()).get());
            } else {
                features.add(item.asText());
            }
        }
        return features;
    }

    private boolean flag(String path, JsonNode node, boolean absent) {
        if (node == null) {
            return absent;
        }
        if (!node.isBoolean()) {
            reader.problem(path, "expected true or false");
            return absent;
        }
        return node.booleanValue();
    }

    private static String suggestion(String key) {
        String normal = key.replace('_', '-').replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        return KEYS.contains(normal) ? "; did you mean \"" + normal + "\"?"
                : " (expected \"version\", \"features\", \"optional\" or \"default-features\")";
    }
}
