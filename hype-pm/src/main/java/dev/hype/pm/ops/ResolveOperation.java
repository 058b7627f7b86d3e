package dev.hype.pm.ops;

import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.DependencySpec;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.FeatureRequest;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.resolve.DependencyResolver;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.rocks.DependencyRange;
import dev.hype.pm.semver.Version;
import dev.hype.pm.semver.VersionSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read a project's {@code hype.json} and resolve its dependencies. */
public final class ResolveOperation {
    /** Code of a requested feature the manifest does not declare. */
    public static final String UNKNOWN_FEATURE = FeatureSelection.UNKNOWN_FEATURE;

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

    /** Compute the root requirements: dependencies, dev ones if asked, optional ones the features enable. */
    static RootRequirements requirements(Manifest manifest, ResolveOptions options) {
        Version version = manifest.version() == null ? Version.of(0, 0, 0) : manifest.version();
        FeatureSelection features = options.features().keepLocked() ? FeatureSelection.DEFAULT : options.features();
        return RootRequirements.of(manifest.name(), version, declared(manifest),
                options.includeDev() ? dev(manifest) : Dependencies.NONE, features, options.locked());
    }

    /** Return what the project declares for resolution: its dependencies, optional ones, and features. */
    static Dependencies declared(Manifest manifest) {
        Map<String, VersionSet> required = new LinkedHashMap<>();
        Map<String, VersionSet> optional = new LinkedHashMap<>();
        Map<String, FeatureRequest> requests = new LinkedHashMap<>();
        for (DependencyKind kind : List.of(DependencyKind.RUNTIME, DependencyKind.OPTIONAL)) {
            for (Map.Entry<String, DependencySpec> e : manifest.specs(kind).entrySet()) {
                DependencySpec spec = e.getValue();
                (spec.optional() ? optional : required).put(e.getKey(), DependencyRange.parse(e.getKey(), spec.range()));
                requests.put(e.getKey(), FeatureRequest.of(spec.features(), spec.defaultFeatures()));
            }
        }
        return new Dependencies(required, optional, manifest.features(), requests);
    }

    private static Dependencies dev(Manifest manifest) {
        Map<String, VersionSet> required = new LinkedHashMap<>();
        Map<String, FeatureRequest> requests = new LinkedHashMap<>();
        for (Map.Entry<String, DependencySpec> e : manifest.specs(DependencyKind.DEV).entrySet()) {
            required.put(e.getKey(), DependencyRange.parse(e.getKey(), e.getValue().range()));
            requests.put(e.getKey(), FeatureRequest.of(e.getValue().features(), e.getValue().defaultFeatures()));
        }
        return new Dependencies(required, Map.of(), Map.of(), requests);
    }
}
