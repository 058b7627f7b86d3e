package dev.hype.pm.ops;

import dev.hype.pm.install.InstalledTree;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.registry.Form;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Range;
import dev.hype.pm.semver.RangeOptions;
import dev.hype.pm.semver.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** List a project's installed packages from its lockfile and, when asked, compare direct ones with a registry. */
public final class ListOperation {
    /** Code of a project with no {@code hype-lock.json}. */
    public static final String NOT_INSTALLED = "E_NOT_INSTALLED";

    private ListOperation() {
    }

    /** List as {@code options} say. */
    public static ListResult run(ListOptions options) {
        Path dir = options.projectDirectory().toAbsolutePath().normalize();
        Lockfile lock = readLockfile(dir);
        List<ListResult.Entry> entries = new ArrayList<>();
        Path modules = dir.resolve(InstalledTree.DIRECTORY);
        lock.packages().forEach((name, p) -> entries.add(new ListResult.Entry(name, p.version(),
                lock.root().containsKey(name), Files.isDirectory(modules.resolve(name)), p.approvedPermissions())));
        List<ListResult.Outdated> outdated = options.registry() == null ? List.of() : outdated(dir, lock, options);
        return new ListResult(entries, outdated);
    }

    /** Read the lockfile, failing with {@link #NOT_INSTALLED} when there is none. */
    static Lockfile readLockfile(Path dir) {
        return Lockfile.readIfPresent(dir).orElseThrow(() -> new OperationException(NOT_INSTALLED,
                "nothing is installed in " + dir + ": there is no " + Lockfile.FILE_NAME,
                List.of("run 'hype pkg install' first")));
    }

    private static List<ListResult.Outdated> outdated(Path dir, Lockfile lock, ListOptions options) {
        Manifest manifest = Manifest.read(dir);
        List<ListResult.Outdated> behind = new ArrayList<>();
        for (var e : directRanges(manifest).entrySet()) {
            String name = e.getKey();
            if (RockName.isRock(name)) {
                if (options.rocks() != null) {
                    RockUpdates.outdated(options.rocks(), name, e.getValue(), lock).ifPresent(behind::add);
                }
                continue;
            }
            Packument packument = options.registry().packument(name, Form.ABBREVIATED);
            Version current = lock.packages().containsKey(name) ? lock.packages().get(name).version() : null;
            Version wanted = Range.tryParse(e.getValue(), RangeOptions.DEFAULT)
                    .flatMap(range -> range.maxSatisfying(packument.versions())).orElse(null);
            Version latest = packument.latest().flatMap(v -> Version.tryParse(v, false)).orElse(null);
            if (current == null || !Objects.equals(current, wanted) || !Objects.equals(current, latest)) {
                behind.add(new ListResult.Outdated(name, e.getValue(), current, wanted, latest));
            }
        }
        return behind;
    }

    /** Return every direct dependency's range, runtime, dev and optional, sorted by name. */
    static Map<String, String> directRanges(Manifest manifest) {
        Map<String, String> ranges = new TreeMap<>(manifest.optionalDependencies());
        ranges.putAll(manifest.devDependencies());
        ranges.putAll(manifest.dependencies());
        return ranges;
    }
}
