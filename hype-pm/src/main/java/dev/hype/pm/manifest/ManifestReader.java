package dev.hype.pm.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.RockConstraint;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validate a manifest tree field by field, collecting every problem before failing. */
final class ManifestReader {
    private static final Set<String> KNOWN = Set.of("name", "version", "description", "main", "dependencies",
            "devDependencies", "optionalDependencies", "features", "exports", "imports", "bin", "files", "scripts",
            "test", "permissions", "engines", "authors", "license", "repository", "homepage", "documentation",
            "keywords", "categories");

    private final String file;
    private final LocatedJson json;
    private final List<ManifestProblem> problems = new ArrayList<>();

    private ManifestReader(String file, LocatedJson json) {
        this.file = file;
        this.json = json;
    }

    static Manifest read(String text, String file) {
        LocatedJson json;
        try {
            json = LocatedJson.parse(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            int line = at == null ? 1 : at.getLineNr();
            int column = at == null ? 1 : at.getColumnNr();
            throw new ManifestException(List.of(new ManifestProblem(file, line, column, "",
                    "invalid JSON: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ManifestException("cannot parse " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        return new ManifestReader(file, json).manifest();
    }

    private Manifest manifest() {
        JsonNode root = json.tree();
        if (!root.isObject()) {
            problem("", "expected a JSON object at the top level");
            throw new ManifestException(problems);
        }
        json.duplicates().forEach(path -> problem(path, "duplicate key"));
        String name = string("name");
        if (name == null && !root.has("name")) {
            problem("", "missing required field \"name\"");
        } else if (RockName.isRock(name)) {
            problem("name", "rocks:NAME names LuaRocks rocks; a package's own name cannot start with \"rocks:\"");
        } else if (name != null) {
            PackageName.problem(name).ifPresent(p -> problem("name", p));
        }
        Version version = null;
        String versionText = string("version");
        if (versionText != null) {
            version = Version.tryParse(versionText, false).orElse(null);
            if (version == null) {
                problem("version", quote(versionText) + " is not a valid semantic version (expected MAJOR.MINOR.PATCH)");
            }
        }
        Map<DependencyKind, Map<String, DependencySpec>> specs = new EnumMap<>(DependencyKind.class);
        DependencyReader dependencyReader = new DependencyReader(this);
        for (DependencyKind kind : DependencyKind.values()) {
            specs.put(kind, dependencyReader.read(kind));
        }
        Map<String, List<String>> features = new FeaturesReader(this).read(specs.get(DependencyKind.RUNTIME),
                specs.get(DependencyKind.OPTIONAL));
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        root.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        });
        JsonNode imports = root.get("imports");
        if (imports != null) {
            if (!imports.isObject()) {
                problem("imports", "expected an object mapping \"#name\" to a target");
            } else {
                imports.properties().forEach(e -> {
                    if (!e.getKey().startsWith("#")) {
                        problem("imports." + e.getKey(), "import names must start with \"#\"");
                    }
                });
            }
        }
        String license = string("license");
        if (license != null) {
            SpdxExpression.problem(license).ifPresent(p -> problem("license", p));
        }
        rockPermissions();
        Manifest manifest = new Manifest(name, version, string("description"), string("main"),
                ranges(specs.get(DependencyKind.RUNTIME)), ranges(specs.get(DependencyKind.DEV)),
                ranges(specs.get(DependencyKind.OPTIONAL)), features, root.get("exports"), imports, bin(name), strings("files"), stringMap("scripts"),
                strings("test"), new PermissionsReader(this).read(), engine(), authors(), license, repository(),
                url("homepage"), url("documentation"), strings("keywords"), strings("categories"), extras, specs);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ManifestProblem::line).thenComparingInt(ManifestProblem::column));
            throw new ManifestException(problems);
        }
        return manifest;
    }

    /**
     * Validate {@code rockPermissions}: for each {@code rocks:NAME}, the permissions the project grants the rock
     * instead of leaving it unrestricted (the object stays among the extras, read at install).
     */
    private void rockPermissions() {
        JsonNode node = node("rockPermissions");
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            problem("rockPermissions", "expected an object mapping rocks:NAME to permissions");
            return;
        }
        node.properties().forEach(e -> {
            String path = "rockPermissions." + e.getKey();
            RockName.problem(e.getKey()).ifPresent(p -> problem(path, "invalid rock name: " + p));
            new PermissionsReader(this, e.getValue(), path).read();
        });
    }

    int problemCount() {
        return problems.size();
    }

    void problem(String path, String message) {
        int[] at = json.locate(path);
        problems.add(new ManifestProblem(file, at[0], at[1], path, message));
    }

    JsonNode node(String path) {
        JsonNode node = json.tree();
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    String string(String path) {
        JsonNode node = node(path);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path, "expected a string");
            return null;
        }
        return node.asText();
    }

    List<String> strings(String path) {
        JsonNode node = node(path);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            problem(path, "expected an array of strings");
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            if (node.get(i).isTextual()) {
                result.add(node.get(i).asText());
            } else {
                problem(path + "[" + i + "]", "expected a string");
            }
        }
        return result;
    }

    private Map<String, String> stringMap(String path) {
        JsonNode node = node(path);
        Map<String, String> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            problem(path, "expected an object of strings");
            return result;
        }
        node.properties().forEach(e -> {
            if (e.getValue().isTextual()) {
                result.put(e.getKey(), e.getValue().asText());
            } else {
                problem(path + "." + e.getKey(), "expected a string");
            }
        });
        return result;
    }

    private static Map<String, String> ranges(Map<String, DependencySpec> specs) {
        Map<String, String> result = new LinkedHashMap<>();
        specs.forEach((name, spec) -> result.put(name, spec.range()));
        return result;
    }

    private Map<String, String> bin(String name) {
        JsonNode node = node("bin");
        Map<String, String> bins;
        if (node != null && node.isTextual()) {
            String command = name == null ? "" : name.substring(name.indexOf('/') + 1);
            bins = Map.of(command, node.asText());
        } else {
            bins = stringMap("bin");
        }
        bins.forEach((command, target) -> {
            String problem = command.isEmpty() ? null : BinRules.nameProblem(command);
            if (problem == null) {
                problem = BinRules.targetProblem(target);
            }
            if (problem != null) {
                problem(node != null && node.isTextual() ? "bin" : "bin." + command, problem);
            }
        });
        return bins;
    }

    private String engine() {
        JsonNode engines = node("engines");
        if (engines == null || engines.isNull()) {
            return null;
        }
        if (!engines.isObject()) {
            problem("engines", "expected an object such as {\"hype\": \">=0.1.0\"}");
            return null;
        }
        String hype = string("engines.hype");
        if (hype != null && Range.tryParse(hype, dev.hype.pm.semver.RangeOptions.DEFAULT).isEmpty()) {
            problem("engines.hype", quote(hype) + " is not a valid version range");
        }
        return hype;
    }

    private List<String> authors() {
        JsonNode node = node("authors");
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray()) {
            problem("authors", "expected an array of strings or {\"name\", \"email\", \"url\"} objects");
            return result;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            if (a.isTextual()) {
                result.add(a.asText());
            } else if (a.isObject() && a.path("name").isTextual()) {
                String text = a.get("name").asText();
                text += a.path("email").isTextual() ? " <" + a.get("email").asText() + ">" : "";
                text += a.path("url").isTextual() ? " (" + a.get("url").asText() + ")" : "";
                result.add(text);
            } else {
                problem("authors[" + i + "]", "expected a string or an object with a \"name\"");
            }
        }
        return result;
    }

    private Repository repository() {
        JsonNode node = node("repository");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return new Repository("", node.asText(), "");
        }
        if (node.isObject() && node.path("url").isTextual()) {
            return new Repository(node.path("type").asText(""), node.get("url").asText(), node.path("directory").asText(""));
        }
        problem("repository", "expected a URL string or an object with a \"url\"");
        return null;
    }

    private String url(String path) {
        String value = string(path);
        if (value != null && !value.startsWith("https://") && !value.startsWith("http://")) {
            problem(path, quote(value) + " is not an http(s) URL");
        }
        return value;
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
