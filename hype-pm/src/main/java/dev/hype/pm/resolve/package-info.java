/**
 * Resolve dependency versions with PubGrub, as Dart pub's {@code doc/solver.md} describes.
 *
 * <p>{@link dev.hype.pm.resolve.DependencyResolver} takes a {@link dev.hype.pm.resolve.RootRequirements}
 * and a {@link dev.hype.pm.resolve.PackageSource} and returns a {@link dev.hype.pm.resolve.Resolution}
 * (one version per package plus a topological install order), or throws a
 * {@link dev.hype.pm.resolve.ResolutionException} whose message explains the conflict in pub's style.
 * Terms, incompatibilities, the partial solution and the failure report are package-private.
 */
package dev.hype.pm.resolve;
