package dev.hype.pm.install;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.store.Store;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prove a staged tree whole before recovery swaps it in: every package in it has its install marker, and its files
 * have the names and sizes its store entry records.
 */
public final class StoredTreeProof implements ProjectCommit.TreeProof {
    private final Store store;

    /** Create a proof that compares with {@code store}. */
    public StoredTreeProof(Store store) {
        this.store = store;
    }

    @Override
    public List<String> problems(Path tree) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, InstalledPackage> e : InstalledTree.scan(tree).entrySet()) {
            String name = e.getKey();
            InstalledPackage installed = e.getValue();
            if (installed.integrity() == null) {
                problems.add(name + ": no " + InstallMarker.FILE_NAME);
                continue;
            }
            Integrity integrity;
            try {
                integrity = Integrity.parse(installed.integrity());
            } catch (RuntimeException ex) {
                problems.add(name + ": " + InstallMarker.FILE_NAME + " names no valid integrity");
                continue;
            }
            store.compare(dev.hype.pm.rocks.RockBuildKey.installed(name, integrity), installed.directory(), Set.of(InstallMarker.FILE_NAME), Set.of()).ifPresentOrElse(
                    differences -> differences.forEach(d -> problems.add(name + "/" + d)),
                    () -> problems.add(name + ": the store has no entry to compare it with"));
        }
        return problems;
    }
}
