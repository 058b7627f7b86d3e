package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.rocks.DependencyRange;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import dev.hype.runtime.HypeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read a project's {@code hype.json} and resolve its dependencies. */
public final class ResolveOperation {
    /** Code of a requested feature the manifest does not declare. */
    public static final String UNKNOWN_FEATURE = "E_UNKNOWN_FEATURE";

    private ResolveOperation() {
    }

    /**
     * Resolve the project; throw {@code ManifestException} for a bad manifest, {@code IndexException} for a bad
     * index, {@code ResolutionException} (E_VERSION_CONFLICT) when no solution exists.
     */
    public static ResolveResult run(ResolveOptions options) {
        Manifest manifest = Manifest.read(options.projectDirectory());
        PackageSource source = options.source() != null ? options.source() : IndexPackageSource.load(options.indexFile());
        RootRequirements root = requirements(manifest, options);
        return new ResolveResult(manifest, root, DependencyResolver.pubGrub().resolve(root, source));
    }

    /** Compute the root requirements: dependencies, dev ones if asked, and optional ones the features enable. */
    static RootRequirements requirements(Manifest manifest, ResolveOptions options) {
        Dependencies declared = new Dependencies(sets(manifest.dependencies()), sets(manifest.optionalDependencies()),
                manifest.features());
        List<String> unknown = declared.unknownFeatures(options.features());
        if (!unknown.isEmpty()) {
            throw new HypeException(UNKNOWN_FEATURE, "unknown feature(s) " + unknown + " for " + manifest.name(),
                    List.of("declared features: " + manifest.features().keySet()));
        }
        Map<String, VersionSet> deps = new LinkedHashMap<>(declared.effective(options.features(), options.defaultFeatures()));
        if (options.includeDev()) {
            sets(manifest.devDependencies()).forEach((name, set) -> deps.merge(name, set, VersionSet::intersection));
        }
        Version version = manifest.version() == null ? Version.of(0, 0, 0) : manifest.version();
        return new RootRequirements(manifest.name(), version, deps, options.locked());
    }

    private static Map<String, VersionSet> sets(Map<String, String> ranges) {
        Map<String, VersionSet> result = new LinkedHashMap<>();
        ranges.forEach((name, text) -> result.put(name, DependencyRange.parse(name, text)));
        return result;
    }
}
