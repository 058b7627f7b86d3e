package dev.hype.pm.resolve;

import dev.hype.pm.semver.Version;
import java.util.List;
import java.util.Optional;

/** Answer the two questions the resolver asks about packages: which versions exist, and what each needs. */
public interface PackageSource {
    /** Return every published version of the package, in any order, or empty if the package does not exist. */
    Optional<List<Version>> versions(String name);

    /** Return the dependencies of one version the source listed. */
    Dependencies dependencies(String name, Version version);

    /**
     * Start finding out about these packages in the background, so that the resolver's questions about them are
     * answered from memory: a hint, which a source may ignore (the default). Errors surface when the resolver asks.
     */
    default void prefetch(java.util.Collection<String> names) {
    }

    /** Return the package's dist-tags, tag to version text; empty when the source keeps none. */
    default java.util.Map<String, String> distTags(String name) {
        return java.util.Map.of();
    }
}
