package dev.hype.pm.ops;

import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.manifest.DependencyKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Say what to install, from where, and how.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param sources the registry side: package source, tarball locations, fetcher
 * @param storeRoot the content-addressed store's root directory
 * @param add packages to add to {@code hype.json} first, as {@code NAME} or {@code NAME@RANGE}
 * @param addKind which section added packages go to
 * @param exact whether an added package without a range is pinned to the resolved version instead of {@code ^}
 * @param frozen whether to fail with {@code E_FROZEN_LOCKFILE} rather than change the lockfile
 * @param offline whether to use only the store, never fetching a tarball
 * @param production whether to leave out packages only dev dependencies need
 * @param features root features to enable, beyond {@code default}
 * @param defaultFeatures whether the root's {@code default} feature is enabled
 * @param unlock packages whose locked versions are ignored, so that they resolve afresh within their ranges
 * @param approver what decides about permissions the lockfile does not approve yet
 * @param force whether to reinstall every package: hash every file of its store entry (fetching a damaged or missing
 *     entry again) and link it afresh, keeping nothing of the current tree
 */
public record InstallOptions(Path projectDirectory, PackageSources sources, Path storeRoot, List<String> add,
                             DependencyKind addKind, boolean exact, boolean frozen, boolean offline, boolean production,
                             List<String> features, boolean defaultFeatures, Set<String> unlock,
                             PermissionApprover approver, boolean force) {
    /** Check the required parts and copy the lists. */
    public InstallOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(storeRoot, "storeRoot");
        add = List.copyOf(add);
        Objects.requireNonNull(addKind, "addKind");
        features = List.copyOf(features);
        unlock = Set.copyOf(unlock);
        Objects.requireNonNull(approver, "approver");
    }

    /** Create the options of an install that keeps what is installed and intact (no {@code --force}). */
    public InstallOptions(Path projectDirectory, PackageSources sources, Path storeRoot, List<String> add,
                          DependencyKind addKind, boolean exact, boolean frozen, boolean offline, boolean production,
                          List<String> features, boolean defaultFeatures, Set<String> unlock,
                          PermissionApprover approver) {
        this(projectDirectory, sources, storeRoot, add, addKind, exact, frozen, offline, production, features,
                defaultFeatures, unlock, approver, false);
    }

    /**
     * Install the project in {@code dir} as its files say, with dev dependencies and default features, refusing
     * permissions the lockfile does not approve.
     */
    public static InstallOptions of(Path dir, PackageSources sources, Path storeRoot) {
        return new InstallOptions(dir, sources, storeRoot, List.of(), DependencyKind.RUNTIME, false, false, false, false,
                List.of(), true, Set.of(), PermissionApprover.REFUSE);
    }

    /** Return a copy that adds these packages. */
    public InstallOptions adding(DependencyKind kind, boolean pin, String... packages) {
        return new InstallOptions(projectDirectory, sources, storeRoot, List.of(packages), kind, pin, frozen, offline,
                production, features, defaultFeatures, unlock, approver, force);
    }

    /** Return a copy that ignores the locked versions of these packages. */
    public InstallOptions unlocking(Set<String> packages) {
        return new InstallOptions(projectDirectory, sources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, defaultFeatures, packages, approver, force);
    }

    /** Return a copy with the given frozen, offline and production switches. */
    public InstallOptions with(boolean frozenLock, boolean storeOnly, boolean skipDev) {
        return new InstallOptions(projectDirectory, sources, storeRoot, add, addKind, exact, frozenLock, storeOnly,
                skipDev, features, defaultFeatures, unlock, approver, force);
    }

    /** Return a copy that asks {@code decider} about permissions to approve. */
    public InstallOptions approving(PermissionApprover decider) {
        return new InstallOptions(projectDirectory, sources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, defaultFeatures, unlock, decider, force);
    }

    /** Return a copy that reinstalls every package from checked store entries ({@code --force}), or not. */
    public InstallOptions reinstalling(boolean value) {
        return new InstallOptions(projectDirectory, sources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, defaultFeatures, unlock, approver, value);
    }
}
