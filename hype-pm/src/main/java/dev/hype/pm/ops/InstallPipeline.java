package dev.hype.pm.ops;

import dev.hype.pm.install.InstallPlan;
import dev.hype.pm.install.InstallPlanner;
import dev.hype.pm.install.InstalledTree;
import dev.hype.pm.files.Trees;
import dev.hype.pm.install.InstallException;
import dev.hype.pm.install.Installer;
import dev.hype.pm.install.ProjectCommit;
import dev.hype.pm.install.StoredTreeProof;
import dev.hype.pm.install.TreeState;
import dev.hype.pm.install.ProjectLock;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileWriter;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.manifest.ManifestException;
import dev.hype.pm.manifest.ProjectDirectory;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.store.PackagePreparer;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import dev.hype.pm.store.StoreException;
import dev.hype.pm.store.TarballFetcher;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;


/**
 * Run the steps every install shares, under the project lock: recover from an interrupted install, read, resolve (or
 * reuse the lockfile), plan, fill the store, stage the new tree, then commit the tree, {@code hype.json} and the
 * lockfile together ({@link ProjectCommit}).
 */
final class InstallPipeline {
    /** Code of a frozen install whose lockfile would change. */
    static final String FROZEN = "E_FROZEN_LOCKFILE";
    private static final int PARALLEL_FETCHES = 16;
    /** The project files an install replaces, whose temporary files recovery cleans up. */
    static final Set<String> PROJECT_FILES = Set.of(Manifest.FILE_NAME, Lockfile.FILE_NAME);

    private InstallPipeline() {
    }

    static InstallResult run(InstallOptions options, ManifestEdits edits, Reporter reporter) {
        long start = System.nanoTime();
        Path dir = options.projectDirectory().toAbsolutePath().normalize();
        boolean newProject = !Files.exists(dir.resolve(Manifest.FILE_NAME));
        if (newProject && options.add().isEmpty()) {
            ProjectDirectory.require(dir);
        }
        if (options.dryRun()) {
            // Read only: no project lock, no recovery, no store, no writes.
            Planned planned = plan(options, edits, dir, reporter);
            return planned.result(List.of(), wantedCount(planned), Duration.ofNanos(System.nanoTime() - start), true);
        }
        try {
            try (ProjectLock _ = ProjectLock.acquire(dir, reporter)) {
                Store store = Store.at(options.storeRoot());
                ProjectCommit.Recovery recovery = recover(dir, store);
                if (recovery.changed()) {
                    reporter.recovered(recovery);
                }
                InstallResult unchanged = edits == ManifestEdits.NONE ? unchanged(options, dir, reporter, start) : null;
                if (unchanged != null) {
                    return unchanged;
                }
                Planned planned = plan(options, edits, dir, reporter);
                try (Store.Lease _ = store.share()) {
                    if (options.offline()) {
                        checkOffline(planned.plan(), store);
                    }
                    InstallPlan plan = planned.plan();
                    Map<String, Path> stored = fill(store, plan, options.offline() ? TarballFetcher.OFFLINE
                            : options.sources().fetcher(), options.sources().preparer(), options.fresh(), reporter);
                    PermissionGate.Approvals approvals = PermissionGate.check(plan, store, stored, planned.previous(),
                            planned.manifest(), options, reporter);
                    Installer installer = new Installer(store);
                    Path staging = installer.stage(dir, plan, stored, approvals.bins(), reporter);
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    Optional<String> lockText = LockfileWriter.changed(dir.resolve(Lockfile.FILE_NAME),
                            approved(planned.next(), approvals));
                    if (!options.frozen()) {
                        lockText.ifPresent(text -> files.put(Lockfile.FILE_NAME, bytes(text)));
                    }
                    if (planned.manifestChanges()) {
                        files.put(Manifest.FILE_NAME, bytes(planned.edited()));
                    }
                    // --frozen leaves the lockfile as it is even where a plain install would rewrite it (approval
                    // slots): then the tree is not marked for it, so that the next plain install runs in full.
                    byte[] key = options.frozen() && lockText.isPresent() ? null : key(options, planned, files, dir);
                    if (staging != null) {
                        mark(staging, key, installer.placed());
                    }
                    commit(dir, staging, files);
                    if (staging == null) {
                        mark(dir.resolve(InstalledTree.DIRECTORY), key, kept(plan));
                    }
                    return planned.withLockfileChanged(files.containsKey(Lockfile.FILE_NAME))
                            .result(approvals.approved(), wantedCount(planned),
                                    Duration.ofNanos(System.nanoTime() - start), false);
                }
            }
        } catch (RuntimeException e) {
            if (newProject) {
                // Nothing was made of the folder: leave no lock file in it either.
                deleteQuietly(dir.resolve(ProjectLock.FILE_NAME));
            }
            throw e;
        }
    }

    /**
     * Return the result of an install that finds the tree exactly as the last install left it for the same
     * {@code hype.json}, {@code hype-lock.json} and switches ({@link TreeState}), without resolving, fetching or
     * hashing; {@code null} when the full install must run. Adding, removing, unlocking and {@code --force} always
     * run it.
     */
    private static InstallResult unchanged(InstallOptions options, Path dir, Reporter reporter, long start) {
        if (!options.add().isEmpty() || !options.unlock().isEmpty() || options.fresh()) {
            return null;
        }
        byte[] manifest = readIfPresent(dir.resolve(Manifest.FILE_NAME));
        byte[] lockfile = readIfPresent(dir.resolve(Lockfile.FILE_NAME));
        if (manifest == null || lockfile == null) {
            return null;
        }
        java.util.OptionalInt packages = TreeState.unchanged(dir.resolve(InstalledTree.DIRECTORY),
                TreeState.key(manifest, lockfile, switches(options)));
        if (packages.isEmpty()) {
            return null;
        }
        reporter.resolved(packages.getAsInt());
        return new InstallResult(List.of(), List.of(), List.of(), packages.getAsInt(), false,
                Duration.ofNanos(System.nanoTime() - start), List.of(), List.of(), false, false);
    }

    /** Return the install switches that change which tree a manifest and lockfile give. */
    private static String switches(InstallOptions options) {
        return "production=" + options.production() + " features=" + options.features();
    }

    /**
     * Return the key the committed tree is installed for: the {@code hype.json} and lockfile this install leaves,
     * with its switches; {@code null} when there is no lockfile to key it by.
     */
    private static byte[] key(InstallOptions options, Planned planned, Map<String, byte[]> files, Path dir) {
        byte[] manifest = files.containsKey(Manifest.FILE_NAME) ? files.get(Manifest.FILE_NAME)
                : bytes(planned.original());
        byte[] lockfile = files.containsKey(Lockfile.FILE_NAME) ? files.get(Lockfile.FILE_NAME)
                : readIfPresent(dir.resolve(Lockfile.FILE_NAME));
        return lockfile == null ? null : TreeState.key(manifest, lockfile, switches(options));
    }

    /** Return the files of every package a plan keeps as is, as their install markers record them, or null. */
    private static Map<String, Map<String, long[]>> kept(InstallPlan plan) {
        Map<String, Map<String, long[]>> kept = new HashMap<>();
        for (PackageRef ref : plan.keep()) {
            Map<String, long[]> files = plan.installed().get(ref.name()).files();
            if (files == null) {
                return null;
            }
            kept.put(ref.name(), files);
        }
        return kept;
    }

    /**
     * Record {@code modules} for the next install's quick check; without a key or the placed files, remove any older
     * record instead. A marker is a shortcut, never the install's result: when it cannot be written, the next install
     * runs in full.
     */
    private static void mark(Path modules, byte[] key, Map<String, Map<String, long[]>> placed) {
        try {
            if (key == null || placed == null || !Files.isDirectory(modules)) {
                TreeState.forget(modules);
            } else {
                TreeState.write(modules, key, placed);
            }
        } catch (IOException e) {
            try {
                TreeState.forget(modules);
            } catch (IOException ignored) {
                // the key it holds is not this install's; the next install's check fails and runs in full
            }
        }
    }

    private static byte[] readIfPresent(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Hold what an install decided before it changes anything.
     *
     * @param original the manifest text on disk ({@code null} when there is none yet)
     * @param edited the manifest text to write
     * @param manifest {@code edited}, parsed
     * @param previous the lockfile on disk, or {@code null}
     * @param next the lockfile the install writes
     * @param wanted the packages the tree is to hold
     * @param plan what to fetch, link, keep and remove
     * @param lockfileChanged whether {@code next} differs from {@code previous}: computed on a dry run, set by {@link
     *     #withLockfileChanged} from the text a real install writes
     */
    private record Planned(String original, String edited, Manifest manifest, Lockfile previous, Lockfile next,
                           List<PackageRef> wanted, InstallPlan plan, boolean lockfileChanged) {
        boolean manifestChanges() {
            return original == null || !edited.equals(original);
        }

        Planned withLockfileChanged(boolean changed) {
            return new Planned(original, edited, manifest, previous, next, wanted, plan, changed);
        }

        InstallResult result(List<dev.hype.pm.install.PermissionRequest> approved, int installed, Duration duration,
                             boolean dryRun) {
            return new InstallResult(plan.added(), plan.remove(), plan.changed(), installed, lockfileChanged, duration,
                    approved, versionChanges(previous, next), original == null, dryRun);
        }
    }

    private static int wantedCount(Planned planned) {
        return planned.wanted().size();
    }

    /** Read, resolve (or reuse the lockfile) and plan, changing nothing. */
    private static Planned plan(InstallOptions options, ManifestEdits edits, Path dir, Reporter reporter) {
        Path manifestFile = dir.resolve(Manifest.FILE_NAME);
        String original = Files.exists(manifestFile) ? readManifest(manifestFile) : null;
        String base = original != null ? original : newManifest(dir);
        Manifest parsedBase = Manifest.parse(base, Manifest.FILE_NAME);
        // The same text is parsed once: a plain install edits nothing, and each parse is costly in a JVM just started.
        String provisionalText = edits.beforeResolve().apply(ManifestEditor.of(base)).text();
        Manifest provisional = provisionalText.equals(base) ? parsedBase
                : Manifest.parse(provisionalText, Manifest.FILE_NAME);
        Lockfile previous = Lockfile.readIfPresent(dir).orElse(null);
        Lockfile pinned = previous == null ? null : previous.without(options.unlock());
        RootRequirements root = requirements(provisional, options, pinned);
        if (options.frozen()) {
            // Before any network: --frozen installs exactly what the lockfile says, or nothing.
            checkLockSatisfies(previous, root);
        }
        Selection selection = Selection.choose(root, pinned, options.sources());
        reporter.resolved(selection.refs().size());
        String edited = edits.afterResolve().apply(selection.versions()).apply(ManifestEditor.of(base)).text();
        Manifest manifest = edited.equals(provisionalText) ? provisional : Manifest.parse(edited, Manifest.FILE_NAME);
        Lockfile next = lockfile(manifest, root, selection, previous);
        if (options.frozen()) {
            checkFrozen(previous, next, original == null || !edited.equals(original));
        }
        List<PackageRef> wanted = wanted(options, manifest, root, selection);
        InstallPlanner planner = new InstallPlanner(Store.at(options.storeRoot()));
        Path modules = dir.resolve(InstalledTree.DIRECTORY);
        InstallPlan plan = options.fresh() ? planner.planFresh(wanted, modules) : planner.plan(wanted, modules);
        // A real install decides from the text it would write (run); rendering both here too cost 2 of its 3 renders.
        boolean lockChanges = options.dryRun() && (previous == null
                || !LockfileWriter.render(previous).equals(LockfileWriter.render(next)));
        return new Planned(original, edited, manifest, previous, next, wanted, plan, lockChanges && !options.frozen());
    }

    /** Return the text of a {@code hype.json} for a folder that has none: its name and a first version. */
    private static String newManifest(Path dir) {
        return """
                {
                  "name": "%s",
                  "version": "0.1.0",
                  "dependencies": {}
                }
                """.formatted(InitOperation.nameFrom(dir));
    }

    /**
     * Fail, naming every package, when an offline install needs tarballs the store lacks; an entry that is there but
     * damaged or incomplete fails as damaged, saying what is wrong with it.
     */
    private static void checkOffline(InstallPlan plan, Store store) {
        List<String> missing = new ArrayList<>();
        for (PackageRef ref : plan.fetch()) {
            if (!ref.entryKey().equals(ref.integrity())) {
                // A rock: its build is made again from the archive's entry offline; only a missing archive is fatal.
                if (!store.hasEntry(ref.integrity()) && !store.hasEntry(ref.entryKey())) {
                    missing.add(ref.label());
                }
            } else if (store.hasEntry(ref.integrity())) {
                store.ensure(ref, TarballFetcher.OFFLINE); // E_STORE_DAMAGED, or the entry is whole after all
            } else {
                missing.add(ref.label());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        missing.sort(null);
        throw new StoreException(StoreException.E_OFFLINE, "--offline: " + (missing.size() == 1 ? "1 package is"
                : missing.size() + " packages are") + " not in the store (" + store.root() + "): "
                + String.join(", ", missing),
                List.of("run the install once without --offline to download them into the store"), null);
    }

    private static List<PackageChange> versionChanges(Lockfile before, Lockfile after) {
        Map<String, LockedPackage> from = before == null ? Map.of() : before.packages();
        Set<String> names = new TreeSet<>(from.keySet());
        names.addAll(after.packages().keySet());
        List<PackageChange> changes = new ArrayList<>();
        for (String name : names) {
            LockedPackage a = from.get(name);
            LockedPackage b = after.packages().get(name);
            dev.hype.pm.semver.Version va = a == null ? null : a.version();
            dev.hype.pm.semver.Version vb = b == null ? null : b.version();
            if (!java.util.Objects.equals(va, vb)) {
                changes.add(new PackageChange(name, va, vb));
            }
        }
        return changes;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: the folder had no project before this install
        }
    }

    /** Fail, before anything is resolved or fetched, when {@code --frozen} cannot install from the lockfile alone. */
    private static void checkLockSatisfies(Lockfile previous, RootRequirements root) {
        if (previous == null) {
            throw new OperationException(FROZEN, "--frozen: there is no " + Lockfile.FILE_NAME + " to install from",
                    List.of("run 'hype pkg install' without --frozen and commit " + Lockfile.FILE_NAME));
        }
        List<String> problems = new ArrayList<>(previous.mismatches(root));
        if (problems.isEmpty() && !Selection.complete(previous)) {
            problems.add("some locked packages depend on versions the lockfile does not lock");
        }
        if (!problems.isEmpty()) {
            throw new OperationException(FROZEN, "--frozen: " + Lockfile.FILE_NAME + " does not match "
                    + Manifest.FILE_NAME + ":\n  " + String.join("\n  ", problems),
                    List.of("run 'hype pkg install' without --frozen to update " + Lockfile.FILE_NAME
                            + ", then commit it"));
        }
    }

    /** Finish or undo an install that was killed, and delete what it left; callers hold the project lock. */
    static ProjectCommit.Recovery recover(Path dir, Store store) {
        return ProjectCommit.recover(dir, PROJECT_FILES, new StoredTreeProof(store));
    }

    /** Swap the staged tree in and write the files, all or nothing. */
    private static void commit(Path dir, Path staging, Map<String, byte[]> files) {
        try {
            ProjectCommit.apply(dir, staging, files);
        } catch (IOException e) {
            throw new InstallException("cannot install into " + dir.resolve(InstalledTree.DIRECTORY) + ": "
                    + dev.hype.runtime.ErrorText.of(e), e);
        } finally {
            if (staging != null && !Files.exists(dir.resolve(ProjectCommit.JOURNAL))) {
                Trees.deleteQuietly(staging);
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String readManifest(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException("cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    /**
     * Compute the root requirements, dev dependencies always included so that the lockfile covers them, with the
     * project features asked for, else those the lockfile records.
     */
    static RootRequirements requirements(Manifest manifest, InstallOptions options, Lockfile previous) {
        Map<String, dev.hype.pm.semver.Version> locked = new HashMap<>();
        if (previous != null) {
            previous.packages().forEach((name, p) -> locked.put(name, p.version()));
        }
        ResolveOptions resolve = new ResolveOptions(options.projectDirectory(), null, options.sources().packages(),
                true, ProjectFeatures.choose(options.features(), manifest, previous), locked);
        return ResolveOperation.requirements(manifest, resolve);
    }

    private static Lockfile lockfile(Manifest manifest, RootRequirements root, Selection selection, Lockfile previous) {
        Map<String, String> rootRanges = new LinkedHashMap<>();
        for (String name : root.dependencies().keySet()) {
            rootRanges.put(name, rangeText(manifest, name));
        }
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        selection.refs().forEach((name, ref) -> {
            Map<String, dev.hype.pm.semver.Version> deps = new LinkedHashMap<>();
            selection.edges().getOrDefault(name, List.of()).forEach(d -> deps.put(d, selection.refs().get(d).version()));
            LockedPackage before = previous == null ? null : previous.packages().get(name);
            boolean same = before != null && before.version().equals(ref.version())
                    && before.integrity().equals(ref.integrity().sri());
            // Approvals belong to the package name; PermissionGate replaces those of the packages it installs.
            packages.put(name, new LockedPackage(name, ref.version(), ref.tarball().toString(), ref.integrity().sri(),
                    deps, before == null ? null : before.permissions(), same ? before.extras() : Map.of(),
                    selection.features().getOrDefault(name, Map.of())));
        });
        return new Lockfile(Lockfile.VERSION, rootRanges, packages, previous == null ? Map.of() : previous.extras(),
                root.requests(), root.features());
    }

    /** Record in {@code next} the approval of every package the gate checked: exactly its request. */
    private static Lockfile approved(Lockfile next, PermissionGate.Approvals approvals) {
        Map<String, LockedPackage> packages = new LinkedHashMap<>(next.packages());
        approvals.recorded().forEach((name, spec) -> packages.computeIfPresent(name,
                (n, locked) -> locked.withPermissions(spec.toJson())));
        return new Lockfile(next.lockfileVersion(), next.root(), packages, next.extras(), next.rootRequests(),
                next.rootFeatures());
    }

    private static String rangeText(Manifest manifest, String name) {
        String text = manifest.dependencies().get(name);
        if (text == null) {
            text = manifest.devDependencies().get(name);
        }
        return text != null ? text : manifest.optionalDependencies().getOrDefault(name, "*");
    }

    private static void checkFrozen(Lockfile previous, Lockfile next, boolean manifestChanges) {
        if (previous == null) {
            throw new OperationException(FROZEN, "--frozen: there is no " + Lockfile.FILE_NAME + " to install from",
                    List.of("run 'hype pkg install' without --frozen and commit " + Lockfile.FILE_NAME));
        }
        if (manifestChanges || !LockfileWriter.render(previous).equals(LockfileWriter.render(next))) {
            List<String> changed = new ArrayList<>();
            Set<String> names = new TreeSet<>(previous.packages().keySet());
            names.addAll(next.packages().keySet());
            for (String name : names) {
                LockedPackage a = previous.packages().get(name);
                LockedPackage b = next.packages().get(name);
                if (a == null || b == null || !a.version().equals(b.version())) {
                    changed.add(name + " " + (a == null ? "(none)" : a.version()) + " -> "
                            + (b == null ? "(none)" : b.version()));
                } else if (!a.features().keySet().equals(b.features().keySet())) {
                    changed.add(name + " features " + a.features().keySet() + " -> " + b.features().keySet());
                }
            }
            if (previous.rootFeatures() != null && !previous.rootFeatures().equals(next.rootFeatures())) {
                changed.add("project features " + previous.rootFeatures() + " -> " + next.rootFeatures());
            }
            // With the same packages, what would change is hype.json itself (a range rewritten by the install).
            throw new OperationException(FROZEN, "--frozen: " + (changed.isEmpty() && manifestChanges
                    ? Manifest.FILE_NAME : Lockfile.FILE_NAME) + " would change"
                    + (changed.isEmpty() ? "" : ": " + String.join(", ", changed)),
                    List.of("run 'hype pkg install' without --frozen and commit the updated " + Lockfile.FILE_NAME));
        }
    }

    /** Return the packages to install: all chosen ones, or with {@code --production} those runtime roots reach. */
    private static List<PackageRef> wanted(InstallOptions options, Manifest manifest, RootRequirements root,
                                           Selection selection) {
        if (!options.production()) {
            return List.copyOf(selection.refs().values());
        }
        List<String> runtimeRoots = root.dependencies().keySet().stream()
                .filter(n -> manifest.dependencies().containsKey(n) || !manifest.devDependencies().containsKey(n))
                .toList();
        return Selection.reachable(runtimeRoots, selection.edges()).stream().sorted()
                .map(selection.refs()::get).toList();
    }

    /** Put every package to link into the store, downloading in parallel on virtual threads. */
    private static Map<String, Path> fill(Store store, InstallPlan plan, TarballFetcher fetcher,
                                          PackagePreparer preparer, boolean fullCheck,
                                          Reporter reporter) {
        Set<PackageRef> toFetch = Set.copyOf(plan.fetch());
        Semaphore permits = new Semaphore(PARALLEL_FETCHES);
        Map<String, Path> result = new HashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<String, Future<Path>> futures = new LinkedHashMap<>();
            for (PackageRef ref : plan.link()) {
                futures.put(ref.name(), executor.submit(() -> {
                    permits.acquire();
                    try {
                        if (toFetch.contains(ref)) {
                            reporter.fetching(ref);
                        }
                        Path path = preparer.prepare(store, ref, fetcher, fullCheck);
                        reporter.stored(ref);
                        return path;
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (var e : futures.entrySet()) {
                try {
                    result.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    executor.shutdownNow();
                    throw ex.getCause() instanceof RuntimeException re ? re
                            : new IllegalStateException(ex.getCause());
                } catch (InterruptedException ex) {
                    executor.shutdownNow();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while fetching packages", ex);
                }
            }
        }
        return result;
    }
}
