package dev.hype.pm.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hold a validated {@code hype.json}. Dependency maps keep their range text; {@link #ranges(Map)} parses them.
 *
 * @param name the package name, npm rules, {@code @scope/name} allowed
 * @param version the package version, or {@code null} when absent
 * @param description a one-line summary, or {@code null}
 * @param main the entry module, or {@code null}
 * @param dependencies runtime dependencies, name to range text
 * @param devDependencies dependencies needed only to develop this package (resolved for the root only)
 * @param optionalDependencies dependencies a feature can enable
 * @param features feature name to the optional dependencies and features it enables; {@code default} is on by default
 * @param exports the exports map, kept as JSON ({@code null} when absent)
 * @param imports the {@code #name} imports map, kept as JSON ({@code null} when absent)
 * @param bin command name to script path (a string {@code bin} maps the unscoped package name)
 * @param files globs of files to publish
 * @param scripts script name to command
 * @param test globs of test files
 * @param permissions what the package asks to do at run time; install asks the user to approve it
 * @param hypeEngine the range of Hype versions supported ({@code engines.hype}), or {@code null}
 * @param authors authors as {@code Name <email> (url)} strings
 * @param license an SPDX license expression, or {@code null}
 * @param repository where the source lives, or {@code null}
 * @param homepage the project's home page URL, or {@code null}
 * @param documentation the documentation URL, or {@code null}
 * @param keywords search keywords
 * @param categories registry categories
 * @param extras unknown top-level keys, kept verbatim for round trips
 * @param dependencySpecs every declared dependency by section, with its features, optionality and
 *     {@code default-features} (the range maps above hold the same ranges as text)
 */
public record Manifest(String name, Version version, String description, String main,
                       Map<String, String> dependencies, Map<String, String> devDependencies,
                       Map<String, String> optionalDependencies, Map<String, List<String>> features,
                       JsonNode exports, JsonNode imports, Map<String, String> bin, List<String> files,
                       Map<String, String> scripts, List<String> test, PermissionSpec permissions, String hypeEngine,
                       List<String> authors, String license, Repository repository, String homepage,
                       String documentation, List<String> keywords, List<String> categories,
                       Map<String, JsonNode> extras, Map<DependencyKind, Map<String, DependencySpec>> dependencySpecs) {
    /** The manifest's file name. */
    public static final String FILE_NAME = "hype.json";

    /** Copy every collection, keeping key order. */
    public Manifest {
        dependencies = copy(dependencies);
        devDependencies = copy(devDependencies);
        optionalDependencies = copy(optionalDependencies);
        Map<String, List<String>> f = new LinkedHashMap<>();
        features.forEach((k, v) -> f.put(k, List.copyOf(v)));
        features = java.util.Collections.unmodifiableMap(f);
        bin = copy(bin);
        files = List.copyOf(files);
        scripts = copy(scripts);
        test = List.copyOf(test);
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        categories = List.copyOf(categories);
        extras = copy(extras);
        Map<DependencyKind, Map<String, DependencySpec>> specs = new EnumMap<>(DependencyKind.class);
        dependencySpecs.forEach((kind, section) -> specs.put(kind, copy(section)));
        dependencySpecs = java.util.Collections.unmodifiableMap(specs);
    }

    /** Return the dependencies declared in one section, name to declaration, in file order. */
    public Map<String, DependencySpec> specs(DependencyKind kind) {
        return dependencySpecs.getOrDefault(kind, Map.of());
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Parse and validate manifest text; {@code fileName} is used in problem locations. */
    public static Manifest parse(String text, String fileName) {
        return ManifestReader.read(text, fileName);
    }

    /** Read and validate a manifest file, or the {@code hype.json} inside a directory. */
    public static Manifest read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE_NAME) : path;
        try {
            return parse(Files.readString(file), file.getFileName().toString());
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    /** Parse range texts such as {@link #dependencies()} into ranges (valid, since the manifest was validated). */
    public static Map<String, Range> ranges(Map<String, String> texts) {
        Map<String, Range> result = new LinkedHashMap<>();
        texts.forEach((k, v) -> result.put(k, Range.parse(v)));
        return result;
    }

    /** Render back to JSON: known fields in the usual order, then unknown keys. */
    public ObjectNode toJson() {
        return ManifestJson.write(this);
    }
}
