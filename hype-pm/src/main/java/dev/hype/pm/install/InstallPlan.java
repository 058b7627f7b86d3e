package dev.hype.pm.install;

import dev.hype.pm.store.PackageRef;
import java.util.List;
import java.util.Map;

/**
 * Say what an install must do.
 *
 * @param fetch packages the store lacks, to download first (each is also in {@code link})
 * @param link packages to place into the new tree from the store: new ones and changed ones
 * @param keep packages already installed at the wanted version and integrity
 * @param remove names of installed packages nothing wants any more
 * @param installed what {@code hype_modules/} held when planning, by name
 */
public record InstallPlan(List<PackageRef> fetch, List<PackageRef> link, List<PackageRef> keep, List<String> remove,
                          Map<String, InstalledPackage> installed) {
    /** Copy the collections. */
    public InstallPlan {
        fetch = List.copyOf(fetch);
        link = List.copyOf(link);
        keep = List.copyOf(keep);
        remove = List.copyOf(remove);
        installed = Map.copyOf(installed);
    }

    /** Tell whether the tree already is what is wanted. */
    public boolean isNoop() {
        return link.isEmpty() && remove.isEmpty();
    }

    /** Return the names of linked packages that were not installed before. */
    public List<String> added() {
        return link.stream().map(PackageRef::name).filter(n -> !installed.containsKey(n)).toList();
    }

    /** Return the names of linked packages that replace an installed one. */
    public List<String> changed() {
        return link.stream().map(PackageRef::name).filter(installed::containsKey).toList();
    }
}
