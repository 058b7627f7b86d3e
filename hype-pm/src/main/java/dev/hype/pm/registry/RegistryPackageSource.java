package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.resolve.PublishedDependencies;
import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Let the resolver ask a registry: versions and, per version, {@code dependencies},
 * {@code optionalDependencies} (range strings or the object form) and {@code features} from the abbreviated
 * packument, each fetched once.
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
        String where = name + "@" + version;
        String registry = client.registryFor(name).toString();
        Dependencies deps;
        try {
            deps = PublishedDependencies.read(doc);
        } catch (IllegalArgumentException e) {
            throw new RegistryException(RegistryException.E_BAD_RESPONSE, where + " in " + registry
                + " has a malformed dependency list: " + e.getMessage(), registry, where, 0,
                List.of("ask the package's authors to publish a fixed version"), e);
        }
        for (String dependency : deps.required().keySet()) {
            PackageName.require(dependency, "the package document of " + where + " in " + registry + " (a dependency)");
        }
        for (String dependency : deps.optional().keySet()) {
            PackageName.require(dependency, "the package document of " + where + " in " + registry + " (a dependency)");
        }
        return deps;
    }
}
