package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.DependencyRange;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.semver.SemverException;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Let the resolver ask a registry: versions and, per version, {@code dependencies},
 * {@code optionalDependencies} and {@code features} from the abbreviated packument, each fetched once.
 */
public final class RegistryPackageSource implements PackageSource {
    private final RegistryClient client;
    private final Map<String, Optional<Packument>> packuments = new ConcurrentHashMap<>();

    /** Create a source over {@code client}. */
    public RegistryPackageSource(RegistryClient client) {
        this.client = client;
    }

    /** Return the packument fetched for {@code name}, fetching it now if needed; empty if it does not exist. */
    public Optional<Packument> packument(String name) {
        return packuments.computeIfAbsent(name, n -> {
            try {
                return Optional.of(client.packument(n, Form.ABBREVIATED));
            } catch (RegistryException e) {
                if (RegistryException.E_NOT_FOUND.equals(e.code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<List<Version>> versions(String name) {
        return packument(name).map(Packument::versions);
    }

    @Override
    public Map<String, String> distTags(String name) {
        return packument(name).map(Packument::distTags).orElse(Map.of());
    }

    @Override
    public Dependencies dependencies(String name, Version version) {
        JsonNode doc = packument(name).flatMap(p -> p.version(version.toString())).orElse(null);
        if (doc == null) {
            return Dependencies.NONE;
        }
        Map<String, List<String>> features = new LinkedHashMap<>();
        doc.path("features").properties().forEach(e -> {
            List<String> entries = new ArrayList<>();
            e.getValue().forEach(v -> entries.add(v.asText()));
            features.put(e.getKey(), entries);
        });
        String where = name + "@" + version;
        return new Dependencies(ranges(doc.path("dependencies"), where, client.registryFor(name).toString()),
            ranges(doc.path("optionalDependencies"), where, client.registryFor(name).toString()), features);
    }

    private static Map<String, VersionSet> ranges(JsonNode node, String where, String registry) {
        Map<String, VersionSet> result = new LinkedHashMap<>();
        for (var e : node.properties()) {
            PackageName.require(e.getKey(), "the package document of " + where + " in " + registry + " (a dependency)");
            try {
                result.put(e.getKey(), DependencyRange.parse(e.getKey(), e.getValue().asText()));
            } catch (SemverException | RockException ex) {
                throw new RegistryException(RegistryException.E_BAD_RESPONSE, where + " in " + registry
                    + " depends on " + e.getKey() + " \"" + e.getValue().asText() + "\", which is not a version range",
                    registry, where, 0, List.of("ask the package's authors to publish a fixed version"), ex);
            }
        }
        return result;
    }
}
