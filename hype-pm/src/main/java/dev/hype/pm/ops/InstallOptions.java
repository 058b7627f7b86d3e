package dev.hype.pm.ops;

import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.resolve.FeatureSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Say what to install, from where, and how.
 *
 * @param projectDirectory the directory holding {@code hype.json}
 * @param lazySources the registry side (package source, tarball locations, fetcher), built when first asked for
 *     ({@link #sources()}): an install that finds the tree as it should be builds none of it
 * @param storeRoot the content-addressed store's root directory
 * @param add packages to add to {@code hype.json} first, as {@code NAME} or {@code NAME@RANGE}
 * @param addKind which section added packages go to
 * @param exact whether an added package without a range is pinned to the resolved version instead of {@code ^}
 * @param frozen whether to fail with {@code E_FROZEN_LOCKFILE} rather than change the lockfile
 * @param offline whether to use only the store, never fetching a tarball
 * @param production whether to leave out packages only dev dependencies need
 * @param features which of the project's features to enable; {@link FeatureSelection#LOCKED} keeps what the lockfile
 *     records
 * @param unlock packages whose locked versions are ignored, so that they resolve afresh within their ranges
 * @param approver what decides about permissions the lockfile does not approve yet
 * @param dryRun whether to stop after planning: resolve and compare, then change nothing (no lock, no store, no
 *     files)
 * @param fresh whether to build the whole tree anew from the store, keeping nothing installed ({@code hype pkg ci},
 *     {@code hype pkg install --force}); every file of every store entry it links is hashed first, and a damaged or
 *     missing entry is fetched again
 */
public record InstallOptions(Path projectDirectory, Supplier<PackageSources> lazySources, Path storeRoot, List<String> add,
                             DependencyKind addKind, boolean exact, boolean frozen, boolean offline, boolean production,
                             FeatureSelection features, Set<String> unlock,
                             PermissionApprover approver, boolean dryRun, boolean fresh) {
    /** Check the required parts and copy the lists. */
    public InstallOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(lazySources, "sources");
        lazySources = lazySources instanceof Once ? lazySources : new Once(lazySources);
        Objects.requireNonNull(storeRoot, "storeRoot");
        add = List.copyOf(add);
        Objects.requireNonNull(addKind, "addKind");
        Objects.requireNonNull(features, "features");
        unlock = Set.copyOf(unlock);
        Objects.requireNonNull(approver, "approver");
    }

    /** Say what to install, to be done for real and keeping what is installed. */
    public InstallOptions(Path projectDirectory, PackageSources sources, Path storeRoot, List<String> add,
                          DependencyKind addKind, boolean exact, boolean frozen, boolean offline, boolean production,
                          FeatureSelection features, Set<String> unlock, PermissionApprover approver) {
        this(projectDirectory, built(sources), storeRoot, add, addKind, exact, frozen, offline, production, features,
                unlock, approver);
    }

    /**
     * Say what to install, to be done for real and keeping what is installed, with package sources built by
     * {@code sources} only when the install needs them (not for a tree already as it should be).
     */
    public InstallOptions(Path projectDirectory, Supplier<PackageSources> sources, Path storeRoot, List<String> add,
                          DependencyKind addKind, boolean exact, boolean frozen, boolean offline, boolean production,
                          FeatureSelection features, Set<String> unlock, PermissionApprover approver) {
        this(projectDirectory, sources, storeRoot, add, addKind, exact, frozen, offline, production, features,
                unlock, approver, false, false);
    }

    /** Return the package sources, building them on the first call. */
    public PackageSources sources() {
        return lazySources.get();
    }

    private static Supplier<PackageSources> built(PackageSources sources) {
        Objects.requireNonNull(sources, "sources");
        return () -> sources;
    }

    /** A supplier that builds its value on the first call that succeeds, and gives that value after. */
    private static final class Once implements Supplier<PackageSources> {
        private Supplier<PackageSources> build;
        private PackageSources value;

        Once(Supplier<PackageSources> build) {
            this.build = build;
        }

        @Override
        public synchronized PackageSources get() {
            if (value == null) {
                value = Objects.requireNonNull(build.get(), "sources");
                build = null;
            }
            return value;
        }
    }

    /**
     * Install the project in {@code dir} as its files say, with dev dependencies and the features the lockfile
     * records (else the default ones), refusing
     * permissions the lockfile does not approve.
     */
    public static InstallOptions of(Path dir, PackageSources sources, Path storeRoot) {
        return new InstallOptions(dir, sources, storeRoot, List.of(), DependencyKind.RUNTIME, false, false, false, false,
                FeatureSelection.LOCKED, Set.of(), PermissionApprover.REFUSE);
    }

    /** Return a copy that adds these packages. */
    public InstallOptions adding(DependencyKind kind, boolean pin, String... packages) {
        return new InstallOptions(projectDirectory, lazySources, storeRoot, List.of(packages), kind, pin, frozen, offline,
                production, features, unlock, approver, dryRun, fresh);
    }

    /** Return a copy that ignores the locked versions of these packages. */
    public InstallOptions unlocking(Set<String> packages) {
        return new InstallOptions(projectDirectory, lazySources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, packages, approver, dryRun, fresh);
    }

    /** Return a copy with the given frozen, offline and production switches. */
    public InstallOptions with(boolean frozenLock, boolean storeOnly, boolean skipDev) {
        return new InstallOptions(projectDirectory, lazySources, storeRoot, add, addKind, exact, frozenLock, storeOnly,
                skipDev, features, unlock, approver, dryRun, fresh);
    }

    /** Return a copy that asks {@code decider} about permissions to approve. */
    public InstallOptions approving(PermissionApprover decider) {
        return new InstallOptions(projectDirectory, lazySources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, unlock, decider, dryRun, fresh);
    }

    /** Return a copy that only plans ({@code dry}) and that builds the tree anew ({@code fromScratch}). */
    public InstallOptions planning(boolean dry, boolean fromScratch) {
        return new InstallOptions(projectDirectory, lazySources, storeRoot, add, addKind, exact, frozen, offline,
                production, features, unlock, approver, dry, fromScratch);
    }
}
