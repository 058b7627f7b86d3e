package dev.hype.pm.ops;

import dev.hype.pm.install.InstallMarker;
import dev.hype.pm.install.InstalledPackage;
import dev.hype.pm.install.InstalledTree;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.ProjectCommit;
import dev.hype.pm.install.ProjectLock;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.install.RequestedPermissions;
import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileException;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ManifestException;
import dev.hype.pm.ops.CheckProblem.Kind;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockBuildKey;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.resolve.RootRequirements;
import dev.hype.pm.store.FileIndex;
import dev.hype.pm.store.Store;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Check a project: the manifest is valid, the lockfile matches it, {@code hype_modules/} holds exactly the locked
 * packages with exactly the files of their tarballs (compared by hash with the store's record), and no installed
 * package asks for permissions the lockfile does not approve.
 */
public final class CheckOperation {
    private static final PackageSource NO_PACKAGES = new PackageSource() {
        @Override
        public Optional<List<dev.hype.pm.semver.Version>> versions(String name) {
            return Optional.empty();
        }

        @Override
        public dev.hype.pm.resolve.Dependencies dependencies(String name, dev.hype.pm.semver.Version version) {
            return dev.hype.pm.resolve.Dependencies.NONE;
        }
    };

    private CheckOperation() {
    }

    /**
     * Check the project and return every problem found. An install that was interrupted is finished or undone first,
     * under the project lock, so that the check sees the project as the next install would.
     */
    public static CheckResult run(CheckOptions options) {
        Path dir = options.projectDirectory().toAbsolutePath().normalize();
        Store store = Store.at(options.storeRoot());
        if (ProjectCommit.pending(dir, InstallPipeline.PROJECT_FILES)) {
            try (ProjectLock _ = ProjectLock.acquire(dir, Reporter.SILENT)) {
                InstallPipeline.recover(dir, store);
            }
        }
        List<CheckProblem> problems = new ArrayList<>();
        Manifest manifest;
        try {
            manifest = Manifest.read(dir);
        } catch (ManifestException e) {
            if (e.problems().isEmpty()) {
                problems.add(new CheckProblem(Kind.MANIFEST, Manifest.FILE_NAME, e.getMessage()));
            }
            e.problems().forEach(p -> problems.add(new CheckProblem(Kind.MANIFEST, Manifest.FILE_NAME, p.toString())));
            return new CheckResult(problems, 0);
        }
        Lockfile lock = checkLockfile(dir, manifest, problems);
        Map<String, InstalledPackage> installed = InstalledTree.scan(dir.resolve(InstalledTree.DIRECTORY));
        Set<String> names = new TreeSet<>(installed.keySet());
        names.addAll(lock.packages().keySet());
        int checked = 0;
        for (String name : names) {
            LockedPackage locked = lock.packages().get(name);
            InstalledPackage present = installed.get(name);
            if (present == null) {
                problems.add(new CheckProblem(Kind.MISSING_PACKAGE, name, "locked at " + locked.version()
                        + " but not installed"));
            } else if (locked == null) {
                problems.add(new CheckProblem(Kind.EXTRANEOUS_PACKAGE, name, "installed but not in the lockfile"));
            } else if (checkIdentity(locked, present, problems)) {
                checked++;
                checkFiles(store, locked, present, problems);
                checkPermissions(manifest, locked, present, problems);
            }
        }
        return new CheckResult(problems, checked);
    }

    private static Lockfile checkLockfile(Path dir, Manifest manifest, List<CheckProblem> problems) {
        Lockfile lock;
        try {
            lock = Lockfile.readIfPresent(dir).orElse(null);
        } catch (LockfileException e) {
            problems.add(new CheckProblem(Kind.LOCKFILE, Lockfile.FILE_NAME, e.getMessage()));
            return Lockfile.EMPTY;
        }
        ResolveOptions options = new ResolveOptions(dir, null, NO_PACKAGES, true,
                ProjectFeatures.choose(FeatureSelection.LOCKED, manifest, lock), Map.of());
        RootRequirements root = ResolveOperation.requirements(manifest, options);
        if (lock == null) {
            if (!root.dependencies().isEmpty()) {
                problems.add(new CheckProblem(Kind.LOCKFILE, Lockfile.FILE_NAME,
                        "missing; run 'hype pkg install' to create it"));
            }
            return Lockfile.EMPTY;
        }
        lock.mismatches(root).forEach(m -> problems.add(new CheckProblem(Kind.LOCKFILE, Lockfile.FILE_NAME, m)));
        return lock;
    }

    private static boolean checkIdentity(LockedPackage locked, InstalledPackage present, List<CheckProblem> problems) {
        String name = locked.name();
        if (!name.equals(present.manifestName()) || !locked.version().toString().equals(present.manifestVersion())) {
            problems.add(new CheckProblem(Kind.WRONG_PACKAGE, name, "installed " + present.manifestName() + "@"
                    + present.manifestVersion() + " but the lockfile says " + name + "@" + locked.version()));
            return false;
        }
        if (!Integrity.parse(locked.integrity()).sri().equals(present.integrity())) {
            problems.add(new CheckProblem(Kind.WRONG_PACKAGE, name, "installed from "
                    + (present.integrity() == null ? "an unknown tarball" : present.integrity())
                    + " but the lockfile says " + locked.integrity()));
            return false;
        }
        return true;
    }

    /** Report an installed package whose own {@code hype.json} asks for more than the lockfile approves. */
    private static void checkPermissions(Manifest manifest, LockedPackage locked, InstalledPackage present,
                                         List<CheckProblem> problems) {
        PermissionSpec requested;
        try {
            String label = locked.name() + "@" + locked.version();
            PermissionSpec own = RequestedPermissions.read(present.directory(), label);
            requested = RockName.isRock(locked.name()) ? RockPermissions.requested(manifest, locked.name(), own) : own;
        } catch (HypeException e) {
            problems.add(new CheckProblem(Kind.PERMISSIONS, locked.name(), e.getMessage()));
            return;
        }
        PermissionRequest request = new PermissionRequest(locked.name(), locked.version(), requested,
                locked.approvedPermissions(), locked.version());
        if (request.needsApproval()) {
            problems.add(new CheckProblem(Kind.PERMISSIONS, locked.name(), "asks for permissions " + Lockfile.FILE_NAME
                    + " does not approve (" + String.join("; ", request.added().describe())
                    + "); run 'hype pkg install' to review them"));
        }
    }

    private static void checkFiles(Store store, LockedPackage locked, InstalledPackage present,
                                   List<CheckProblem> problems) {
        String name = locked.name();
        Integrity archive = Integrity.parse(locked.integrity());
        // A rock's folder is its build for this platform, a store entry of its own.
        Optional<Map<String, String>> expected = store.files(RockBuildKey.installed(name, archive));
        if (expected.isEmpty()) {
            problems.add(new CheckProblem(Kind.UNVERIFIABLE, name, "the store has no entry for " + locked.integrity()
                    + "; run '" + CheckResult.REPAIR + "' to fetch it again"));
            return;
        }
        Map<String, String> actual;
        try {
            actual = FileIndex.hash(present.directory(), Set.of(InstallMarker.FILE_NAME));
        } catch (IOException e) {
            problems.add(new CheckProblem(Kind.MODIFIED_FILE, name, "cannot read: " + e.getMessage()));
            return;
        }
        Set<String> paths = new TreeSet<>(expected.get().keySet());
        paths.addAll(actual.keySet());
        for (String path : paths) {
            String want = expected.get().get(path);
            String have = actual.get(path);
            String subject = name + "/" + path;
            if (have == null) {
                problems.add(new CheckProblem(Kind.MISSING_FILE, subject, "missing"));
            } else if (want == null) {
                problems.add(new CheckProblem(Kind.EXTRANEOUS_FILE, subject, "not part of " + name + "@"
                        + locked.version()));
            } else if (!want.equals(have)) {
                problems.add(new CheckProblem(Kind.MODIFIED_FILE, subject, "differs from " + name + "@"
                        + locked.version() + " as published"));
            }
        }
    }

}
