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
    private final Store store;

    /** Create a planner that checks {@code store} for packages it already holds. */
    public InstallPlanner(Store store) {
        this.store = store;
    }

    /** Plan the install of {@code wanted} into {@code modules}. */
    public InstallPlan plan(Collection<PackageRef> wanted, Path modules) {
        Map<String, InstalledPackage> installed = InstalledTree.scan(modules);
        List<PackageRef> fetch = new ArrayList<>();
        List<PackageRef> link = new ArrayList<>();
        List<PackageRef> keep = new ArrayList<>();
        Set<String> wantedNames = new HashSet<>();
        for (PackageRef ref : wanted) {
            wantedNames.add(ref.name());
            InstalledPackage current = installed.get(ref.name());
            if (current != null && upToDate(current, ref)) {
                keep.add(ref);
                continue;
            }
            link.add(ref);
            if (store.find(ref.integrity()).isEmpty()) {
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
        List<PackageRef> fetch = link.stream().filter(ref -> store.find(ref.integrity()).isEmpty()).toList();
        Set<String> wantedNames = new HashSet<>();
        link.forEach(ref -> wantedNames.add(ref.name()));
        List<String> remove = installed.keySet().stream().filter(n -> !wantedNames.contains(n)).sorted().toList();
        return new InstallPlan(fetch, link, List.of(), remove, installed);
    }

    private static boolean upToDate(InstalledPackage current, PackageRef ref) {
        return ref.name().equals(current.manifestName()) && ref.version().toString().equals(current.manifestVersion())
                && ref.integrity().sri().equals(current.integrity());
    }
}
