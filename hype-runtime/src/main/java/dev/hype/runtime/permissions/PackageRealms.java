package dev.hype.runtime.permissions;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Implement {@link Realms}: one realm per package directory, approvals read once per lockfile. */
final class PackageRealms implements Realms {
    private static final String INSTALL_DIR = "hype_modules";

    private final Realm project;
    private final Anchors anchors;
    private final Map<Path, Realm> packages = new ConcurrentHashMap<>();
    private final Map<Path, Approvals> approvals = new ConcurrentHashMap<>();

    PackageRealms(Access projectAccess, Anchors anchors) {
        this.project = new Realm("project", null, null, projectAccess);
        this.anchors = anchors;
    }

    @Override
    public Realm project() {
        return project;
    }

    @Override
    public Realm realmOf(Path file) {
        // The outermost hype_modules/ decides. hype installs flat, so a hype_modules/ inside a
        // package is the package's own files: its code runs as that package, never under approvals
        // from a hype-lock.json the package ships or writes next to it.
        int count = file.getNameCount();
        int install = -1;
        for (int i = 0; i < count - 1; i++) {
            if (file.getName(i).toString().equals(INSTALL_DIR)) {
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
        Path projectRoot = install == 0 ? file.getRoot() : file.getRoot().resolve(file.subpath(0, install));
        Path packageDir = projectRoot.resolve(INSTALL_DIR).resolve(name);
        String packageName = name.endsWith(".lua") && !name.contains("/") ? name.substring(0, name.length() - 4) : name;
        return packages.computeIfAbsent(packageDir, dir -> {
            PermissionSpec approved = approvals.computeIfAbsent(projectRoot, Approvals::read).of(packageName);
            // An unrestricted approval (a LuaRocks rock's default) makes the package trusted code, sharing the
            // project's globals as it would under lua5.4.
            return new Realm(dir.toString(), packageName, dir, approved.unrestricted() ? Access.UNRESTRICTED
                    : Access.of(packageName, approved, anchors.withBase(dir)));
        });
    }
}
