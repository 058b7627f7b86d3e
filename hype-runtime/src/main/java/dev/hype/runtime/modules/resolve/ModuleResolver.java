package dev.hype.runtime.modules.resolve;

import java.nio.file.Path;
import java.util.List;

/**
 * Resolve {@code require} ids to built-ins or canonical files, following the steps of DESIGN.md:
 * built-ins, paths, {@code #imports}, self-reference, {@code hype_modules} then
 * {@code node_modules} walking up, {@code $HYPE_HOME/modules}, then Lua's {@code package.path}.
 *
 * <p>An instance caches {@code hype.json} reads (absent ones included), so it belongs to one run.
 */
public interface ModuleResolver {

    /** Create a resolver with its own manifest cache. */
    static ModuleResolver create(ResolverOptions options) {
        return new StepResolver(options);
    }

    /**
     * Resolve {@code id} required from a module in {@code fromDirectory}.
     *
     * @param packagePath Lua's {@code package.path} templates for step 6, or null to skip it
     * @param luaProvided whether {@code package.preload} or {@code package.loaded} holds {@code id};
     *                    it answers step 6 before {@code package.path} does
     * @throws ModuleNotFoundException      when no step finds the module
     * @throws PackageResolutionException   when {@code exports} or {@code imports} refuse the id
     * @throws PackageConfigException       when a {@code hype.json} on the way is invalid
     */
    Resolution resolve(String id, Path fromDirectory, String packagePath, boolean luaProvided);

    /** Return the directories searched for {@code id}, or null for a built-in. */
    List<Path> lookupPaths(String id, Path fromDirectory);
}
