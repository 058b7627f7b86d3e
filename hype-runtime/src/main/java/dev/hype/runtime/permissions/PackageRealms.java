package dev.hype.runtime.permissions;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implement {@link Realms}: one realm per package directory. Only packages in the project root's
 * {@code hype_modules/} get approvals, read once from the project root's {@code hype-lock.json}.
 */
final class PackageRealms implements Realms {
    private static final String INSTALL_DIR = "hype_modules";

    private final Realm project;
    private final Anchors anchors;
    private final Path projectRoot;
    private final Path projectModules;
    private final ProtectedPaths protectedPaths;
    private final Map<Path, Realm> packages = new ConcurrentHashMap<>();
    private volatile Approvals approvals;

    /** Create realms whose project root is the anchors' base, protecting the file names only. */
    PackageRealms(Access projectAccess, Anchors anchors) {
        this(projectAccess, anchors, anchors.base(), ProtectedPaths.NAMES);
    }

    PackageRealms(Access projectAccess, Anchors anchors, Path projectRoot, ProtectedPaths protectedPaths) {
        this.project = new Realm("project", null, null, projectAccess);
        this.anchors = anchors;
        this.projectRoot = PathCanon.canonical(projectRoot.toAbsolutePath().normalize());
        this.projectModules = this.projectRoot.resolve(INSTALL_DIR);
        this.protectedPaths = protectedPaths;
    }

    @Override
    public Realm project() {
        return project;
    }

    @Override
    public Path projectRoot() {
        return projectRoot;
    }

    @Override
    public Realm realmOf(Path file) {
        // The outermost hype_modules/ decides. hype installs flat, so a hype_modules/ inside a
        // package is the package's own files: its code runs as that package, never under approvals
        // from a hype-lock.json the package ships or writes next to it. Case does not matter: on a
        // case-insensitive file system HYPE_MODULES/ is the same folder.
        int count = file.getNameCount();
        int install = -1;
        for (int i = 0; i < count - 1; i++) {
            if (file.getName(i).toString().equalsIgnoreCase(INSTALL_DIR)) {
                install = i;
                break;
            }
        }
        if (install < 0) {
            return project;
        }
        String first = file.getName(install + 1).toString();
        String name = first;
        if (first.startsWith("@") && install + 2 < count) {
            name = first + "/" + file.getName(install + 2);
        }
        Path modules = file.getRoot().resolve(file.subpath(0, install + 1));
        Path packageDir = modules.resolve(name);
        String packageName = name.endsWith(".lua") && !name.contains("/") ? name.substring(0, name.length() - 4) : name;
        return packages.computeIfAbsent(packageDir, dir -> create(modules, dir, packageName));
    }

    private Realm create(Path modules, Path dir, String packageName) {
        Anchors own = anchors.withBase(dir);
        if (!modules.toString().equalsIgnoreCase(projectModules.toString())) {
            // Found above the project root, or in a hype_modules/ below it that is not the root's:
            // no lockfile there approves anything.
            String note = "only " + projectRoot.resolve("hype-lock.json") + " approves packages, for the packages in "
                    + projectModules + "; " + packageName + " was loaded from " + modules + ", so it has no permissions";
            return new Realm(dir.toString(), packageName, dir,
                    new GrantedAccess(packageName, PermissionSpec.NONE, own, protectedPaths, note));
        }
        PermissionSpec approved = approvals().of(packageName);
        if (approved.unrestricted()) {
            // An unrestricted approval (a LuaRocks rock's default) makes the package trusted code, sharing the
            // project's globals as it would under lua5.4.
            return new Realm(dir.toString(), packageName, dir, Access.UNRESTRICTED);
        }
        return new Realm(dir.toString(), packageName, dir,
                new GrantedAccess(packageName, approved, own, protectedPaths, null));
    }

    private Approvals approvals() {
        Approvals read = approvals;
        if (read == null) {
            read = Approvals.read(projectRoot);
            approvals = read;
        }
        return read;
    }
}
