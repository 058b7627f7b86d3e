package dev.hype.pm.install;

import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compare the wanted packages with {@code hype_modules/} and the store, and say what to do. */
public final class InstallPlanner {
    private static final String MANIFEST = "hype.json";

    private final Store store;

    /** Create a planner that checks {@code store} for packages it already holds. */
    public InstallPlanner(Store store) {
        this.store = store;
    }

    /**
     * Plan the install of {@code wanted} into {@code modules}. An installed package is kept when it is the wanted
     * version from the wanted tarball, its files have the names, sizes and times its install marker records, and its
     * {@code hype.json} the recorded hash (a cheap check that opens no other file).
     */
    public InstallPlan plan(Collection<PackageRef> wanted, Path modules) {
        Map<String, InstalledPackage> installed = InstalledTree.scan(modules);
        List<PackageRef> fetch = new ArrayList<>();
        List<PackageRef> link = new ArrayList<>();
        List<PackageRef> keep = new ArrayList<>();
        Set<String> wantedNames = new HashSet<>();
        for (PackageRef ref : wanted) {
            wantedNames.add(ref.name());
            InstalledPackage current = installed.get(ref.name());
            if (current != null && upToDate(current, ref) && intact(current, ref)) {
                keep.add(ref);
                continue;
            }
            link.add(ref);
            if (store.find(ref.entryKey()).isEmpty()) {
                fetch.add(ref);
            }
        }
        List<String> remove = installed.keySet().stream().filter(n -> !wantedNames.contains(n)).sorted().toList();
        return new InstallPlan(fetch, link, keep, remove, installed);
    }

    /**
     * Plan a fresh tree: every wanted package is placed anew from the store, nothing installed is kept, and every
     * installed package nothing wants is removed.
     */
    public InstallPlan planFresh(Collection<PackageRef> wanted, Path modules) {
        Map<String, InstalledPackage> installed = InstalledTree.scan(modules);
        List<PackageRef> link = List.copyOf(wanted);
        List<PackageRef> fetch = link.stream().filter(ref -> store.find(ref.entryKey()).isEmpty()).toList();
        Set<String> wantedNames = new HashSet<>();
        link.forEach(ref -> wantedNames.add(ref.name()));
        List<String> remove = installed.keySet().stream().filter(n -> !wantedNames.contains(n)).sorted().toList();
        return new InstallPlan(fetch, link, List.of(), remove, installed);
    }

    private static boolean upToDate(InstalledPackage current, PackageRef ref) {
        return ref.name().equals(current.manifestName()) && ref.version().toString().equals(current.manifestVersion())
                && ref.integrity().sri().equals(current.integrity());
    }

    /**
     * Tell whether the installed files have the names and sizes they were installed with, and {@code hype.json}
     * (which permissions are read from) its hash. The marker records both; for a marker from before it did, the
     * store's index is asked instead, and without one the package is trusted.
     */
    private boolean intact(InstalledPackage current, PackageRef ref) {
        if (current.files() != null) {
            return MarkedFiles.intact(current);
        }
        return store.compare(ref.entryKey(), current.directory(), Set.of(InstallMarker.FILE_NAME),
                Set.of(MANIFEST)).map(List::isEmpty).orElse(true);
    }
}
