package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.resolve.PublishedDependencies;
import dev.hype.pm.semver.Version;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;

/**
 * Let the resolver ask a registry: versions and, per version, {@code dependencies},
 * {@code optionalDependencies} (range strings or the object form) and {@code features} from the abbreviated
 * packument, each fetched once.
 */
public final class RegistryPackageSource implements PackageSource {
    private final RegistryClient client;
    /** At most this many packument requests run in the background at once. */
    static final int PREFETCHES = 16;
    private final Map<String, FutureTask<Optional<Packument>>> packuments = new ConcurrentHashMap<>();
    private final Semaphore inFlight = new Semaphore(PREFETCHES);

    /** Create a source over {@code client}. */
    public RegistryPackageSource(RegistryClient client) {
        this.client = client;
    }

    /**
     * Return the packument fetched for {@code name}, fetching it now if needed (or waiting for the fetch a
     * {@link #prefetch} started); empty if it does not exist. A failed fetch is not kept: the next call tries again.
     */
    public Optional<Packument> packument(String name) {
        FutureTask<Optional<Packument>> task = packuments.computeIfAbsent(name, n -> new FutureTask<>(() -> fetch(n)));
        task.run(); // does nothing when another thread runs or ran it
        try {
            return task.get();
        } catch (ExecutionException e) {
            packuments.remove(name, task);
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(RegistryException.E_REGISTRY_UNREACHABLE, "interrupted while fetching " + name,
                    client.registryFor(name).toString(), name, 0, List.of(), e);
        }
    }

    /**
     * Fetch these packuments on virtual threads, at most {@link #PREFETCHES} at once, and then, the same way, those of
     * the dependencies of each one's highest version, so that a tree's packuments are in flight while the resolver
     * works through them. Nothing here fails: an error is met again when the resolver asks.
     */
    @Override
    public void prefetch(Collection<String> names) {
        for (String name : names) {
            if (packuments.containsKey(name)) {
                continue;
            }
            FutureTask<Optional<Packument>> task = new FutureTask<>(() -> fetch(name));
            if (packuments.putIfAbsent(name, task) != null) {
                continue;
            }
            Thread.ofVirtual().name("hype-packument").start(() -> {
                inFlight.acquireUninterruptibly();
                try {
                    task.run();
                } finally {
                    inFlight.release();
                }
                dependenciesOfNewest(task).ifPresent(this::prefetch);
            });
        }
    }

    private Optional<Packument> fetch(String name) {
        try {
            return Optional.of(client.packument(name, Form.ABBREVIATED));
        } catch (RegistryException e) {
            if (RegistryException.E_NOT_FOUND.equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Return the names the highest version of a fetched packument depends on, when it was fetched whole. */
    private static Optional<Collection<String>> dependenciesOfNewest(FutureTask<Optional<Packument>> task) {
        try {
            Optional<Packument> packument = task.get();
            Optional<Version> newest = packument.flatMap(p -> p.versions().stream().max(Version::compareTo));
            if (newest.isEmpty()) {
                return Optional.empty();
            }
            Dependencies deps = PublishedDependencies.read(packument.get().version(newest.get().toString())
                    .orElseThrow());
            Collection<String> names = new java.util.ArrayList<>(deps.required().keySet());
            names.addAll(deps.optional().keySet());
            return Optional.of(names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | RuntimeException e) {
            return Optional.empty();
        }
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
