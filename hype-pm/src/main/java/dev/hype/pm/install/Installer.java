package dev.hype.pm.install;

import dev.hype.pm.fault.PausePoints;
import dev.hype.pm.files.FileModes;
import dev.hype.pm.files.Trees;
import dev.hype.pm.store.FileRecord;
import dev.hype.pm.store.PackageRef;
import dev.hype.pm.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build a new {@code hype_modules/} beside the old one, for {@link ProjectCommit} to swap in.
 *
 * <p>The tree is built in {@code hype_modules.staging-*}: kept packages are hard-linked from the current tree,
 * linked ones from their store entries (copied where links fail), and {@code bin} entries go to
 * {@code hype_modules/.bin}. Nothing the project sees changes here. Callers hold the {@link ProjectLock}.
 */
public final class Installer {
    private static final String MANIFEST = "hype.json";
    private final TreeLinker linker = new TreeLinker();
    private final Store store;
    private final Map<String, Map<String, long[]>> placed = new java.util.TreeMap<>();

    /** Create an installer that links from {@code store}, whose index gives each package's manifest hash. */
    public Installer(Store store) {
        this.store = store;
    }

    /** Tell whether every record has a stamp (an entry indexed before stamps were recorded has none). */
    private static boolean stamped(Map<String, FileRecord> records) {
        for (FileRecord record : records.values()) {
            if (record.modified() == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Return each package the last {@link #stage} placed, with its files' sizes and modification times as placed, by
     * name: what {@link TreeState} records the tree with.
     */
    public Map<String, Map<String, long[]>> placed() {
        return java.util.Collections.unmodifiableMap(placed);
    }

    /**
     * Build the tree {@code plan} describes in a new staging directory of {@code projectDirectory} and return it, or
     * return {@code null} when the current tree already is that tree. {@code storeDirectories} gives the unpacked
     * store directory of every package in {@code plan.link()}.
     */
    public Path stage(Path projectDirectory, InstallPlan plan, Map<String, Path> storeDirectories, Reporter reporter) {
        return stage(projectDirectory, plan, storeDirectories, Map.of(), reporter);
    }

    /**
     * Build the tree as {@link #stage(Path, InstallPlan, Map, Reporter)} does, with the bins already read from the
     * packages' {@code hype.json} by name ({@code bins}; a package not in it has its file read again). The packages
     * are linked a few at a time ({@link Parallel}).
     */
    public Path stage(Path projectDirectory, InstallPlan plan, Map<String, Path> storeDirectories,
                      Map<String, Bins> bins, Reporter reporter) {
        Path modules = projectDirectory.resolve(InstalledTree.DIRECTORY);
        placed.clear();
        if (plan.isNoop() && (Files.isDirectory(modules) || plan.keep().isEmpty())) {
            return null;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(projectDirectory, ProjectCommit.STAGING);
            FileModes.set(staging, FileModes.of(modules).orElseGet(FileModes::directory));
            Path into = staging;
            List<String> names = new ArrayList<>();
            List<Map<String, long[]>> kept = Parallel.map(plan.keep(), ref -> linker.linkTree(
                    plan.installed().get(ref.name()).directory(), InstalledTree.packageDirectory(into, ref.name())));
            for (int i = 0; i < kept.size(); i++) {
                placed.put(plan.keep().get(i).name(), kept.get(i));
                names.add(plan.keep().get(i).name());
            }
            List<Map<String, long[]>> linkedFiles = Parallel.map(plan.link(), ref -> {
                Path target = InstalledTree.packageDirectory(into, ref.name());
                Path source = storeDirectories.get(ref.name());
                Map<String, FileRecord> records = store.records(ref.entryKey()).orElse(null);
                // from the index the store just checked the entry against; an entry written before index.tsv has no
                // stamps in it, so its directories are walked
                Map<String, long[]> files = records != null && store.isPackageFolder(ref.entryKey(), source)
                        && stamped(records) ? linker.linkIndexed(source, records, target)
                        : linker.linkTree(source, target);
                FileRecord manifestRecord = records == null ? null : records.get(MANIFEST);
                String manifest = manifestRecord == null ? null : manifestRecord.integrity();
                InstallMarker.write(target, ref, files, files.containsKey(MANIFEST) ? manifest : null);
                return files;
            });
            for (int i = 0; i < linkedFiles.size(); i++) {
                PackageRef ref = plan.link().get(i);
                placed.put(ref.name(), linkedFiles.get(i));
                names.add(ref.name());
                reporter.linked(ref);
                PausePoints.reach("install.staging");
            }
            Map<String, List<String>> commands = new BinLinker(CommandLookup.system()).link(staging, names, bins,
                    reporter);
            for (PackageRef ref : plan.link()) {
                List<String> linked = commands.getOrDefault(ref.name(), List.of());
                if (!linked.isEmpty()) {
                    reporter.commandsLinked(ref, linked);
                }
            }
            plan.remove().forEach(reporter::removed);
            PausePoints.reach("install.staged");
            Path result = staging;
            staging = null;
            return result;
        } catch (IOException e) {
            throw new InstallException("cannot install into " + modules + ": " + dev.hype.runtime.ErrorText.of(e), e);
        } finally {
            Trees.deleteQuietly(staging);
        }
    }
}
