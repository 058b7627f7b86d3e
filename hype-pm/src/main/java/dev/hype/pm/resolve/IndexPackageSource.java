package dev.hype.pm.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serve packages from a static JSON index, read once into memory.
 *
 * <p>Shape: {@code {"packages": {"a": {"1.0.0": {"dependencies": {"b": "^1.0", "d": {"version": "^2",
 * "features": ["x"], "default-features": false}}, "optionalDependencies": {"c": "*"}, "features":
 * {"default": ["c"]}}}}}}}: each version object reads as a published version document does
 * ({@link PublishedDependencies}). Every key of a version object is optional.
 */
public final class IndexPackageSource implements PackageSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Map<Version, Dependencies>> packages;

    private IndexPackageSource(Map<String, Map<Version, Dependencies>> packages) {
        this.packages = packages;
    }

    /** Read an index file. */
    public static IndexPackageSource load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IndexException("cannot read package index " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    /** Parse index text; {@code origin} names it in error messages. */
    public static IndexPackageSource parse(String json, String origin) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IndexException(origin + ": invalid JSON: " + e.getOriginalMessage(), e);
        }
        return fromTree(tree, origin);
    }

    /** Build a source from an already parsed index tree. */
    public static IndexPackageSource fromTree(JsonNode tree, String origin) {
        JsonNode root = tree == null ? null : tree.get("packages");
        if (root == null || !root.isObject()) {
            throw new IndexException(origin + ": expected an object \"packages\" at the top level", null);
        }
        Map<String, Map<Version, Dependencies>> packages = new HashMap<>();
        for (var pkg : root.properties()) {
            PackageName.require(pkg.getKey(), origin + ": packages");
            Map<Version, Dependencies> versions = new LinkedHashMap<>();
            for (var ver : pkg.getValue().properties()) {
                String where = origin + ": packages." + pkg.getKey() + "." + ver.getKey();
                Version version = Version.tryParse(ver.getKey(), false)
                        .orElseThrow(() -> new IndexException(where + ": not a valid version", null));
                versions.put(version, dependencies(ver.getValue(), where));
            }
            packages.put(pkg.getKey(), versions);
        }
        return new IndexPackageSource(packages);
    }

    private static Dependencies dependencies(JsonNode node, String where) {
        Dependencies deps;
        try {
            deps = PublishedDependencies.read(node);
        } catch (IllegalArgumentException e) {
            throw new IndexException(where + "." + e.getMessage(), e);
        }
        deps.required().keySet().forEach(name -> PackageName.require(name, where + ".dependencies"));
        deps.optional().keySet().forEach(name -> PackageName.require(name, where + ".optionalDependencies"));
        return deps;
    }

    @Override
    public Optional<List<Version>> versions(String name) {
        Map<Version, Dependencies> versions = packages.get(name);
        return versions == null ? Optional.empty() : Optional.of(List.copyOf(versions.keySet()));
    }

    @Override
    public Dependencies dependencies(String name, Version version) {
        Map<Version, Dependencies> versions = packages.get(name);
        Dependencies deps = versions == null ? null : versions.get(version);
        return deps == null ? Dependencies.NONE : deps;
    }
}
