package dev.hype.pm.resolve;

/** Choose one version of every package reachable from a root, or explain why none can be chosen. */
public interface DependencyResolver {
    /** Resolve the root's requirements against the source; throw {@link ResolutionException} on conflict. */
    Resolution resolve(RootRequirements root, PackageSource source);

    /** Return the PubGrub resolver. */
    static DependencyResolver pubGrub() {
        return (root, source) -> new PubGrubSolver(root, source).solve();
    }
}
