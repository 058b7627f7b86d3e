package dev.hype.pm.ops;

import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.semver.Version;
import java.nio.file.Path;
import java.util.Map;

/**
 * Say what to resolve and against what.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param indexFile a static JSON package index to resolve against, or {@code null} when {@code source} is given
 * @param source a package source to resolve against, or {@code null} when {@code indexFile} is given
 * @param includeDev whether the project's devDependencies take part
 * @param features which of the project's features to enable ({@link FeatureSelection#LOCKED} reads as the default)
 * @param locked versions to prefer when still allowed (for example from the lockfile)
 */
public record ResolveOptions(Path projectDirectory, Path indexFile, PackageSource source, boolean includeDev,
                             FeatureSelection features, Map<String, Version> locked) {
    /** Check that exactly one of index file and source is given, and copy the collections. */
    public ResolveOptions {
        if ((indexFile == null) == (source == null)) {
            throw new IllegalArgumentException("give exactly one of indexFile and source");
        }
        java.util.Objects.requireNonNull(features, "features");
        locked = Map.copyOf(locked);
    }

    /** Resolve the project in {@code dir} against an index file, with dev dependencies and default features. */
    public static ResolveOptions withIndex(Path dir, Path indexFile) {
        return new ResolveOptions(dir, indexFile, null, true, FeatureSelection.DEFAULT, Map.of());
    }

    /** Resolve the project in {@code dir} against a source, with dev dependencies and default features. */
    public static ResolveOptions withSource(Path dir, PackageSource source) {
        return new ResolveOptions(dir, null, source, true, FeatureSelection.DEFAULT, Map.of());
    }
}
