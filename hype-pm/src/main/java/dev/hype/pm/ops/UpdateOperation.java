package dev.hype.pm.ops;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.manifest.ManifestEditor;
import dev.hype.pm.registry.Form;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Version;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Move locked versions: within the {@code hype.json} ranges by default, or to the registry's latest, rewriting the
 * ranges. The install itself is {@link InstallOperation}'s, with the updated packages unlocked.
 */
public final class UpdateOperation {
    /** Code of a package whose registry document has no {@code latest} dist-tag. */
    public static final String NO_LATEST = "E_NO_LATEST";

    private UpdateOperation() {
    }

    /** Update as {@code options} say, reporting progress to {@code reporter}. */
    public static UpdateResult run(UpdateOptions options, Reporter reporter) {
        Path dir = options.install().projectDirectory().toAbsolutePath().normalize();
        Lockfile before = ListOperation.readLockfile(dir);
        Manifest manifest = Manifest.read(dir);
        Map<String, String> direct = ListOperation.directRanges(manifest);
        checkNames(options, before, direct, manifest.name());
        Set<String> targets = targets(options, before, direct);
        Map<String, Version> older = new TreeMap<>();
        Map<String, String> ranges = options.latest() ? latestRanges(options, targets, direct, before, older)
                : Map.of();
        UnaryOperator<ManifestEditor> rewrite = editor -> {
            for (var e : ranges.entrySet()) {
                editor = editor.addDependency(kind(manifest, e.getKey()), e.getKey(), e.getValue());
            }
            return editor;
        };
        Set<String> unlocked = new LinkedHashSet<>(targets);
        unlocked.removeAll(older.keySet());
        InstallResult install = InstallPipeline.run(options.install().unlocking(unlocked),
                new ManifestEdits(rewrite, versions -> rewrite), reporter);
        return new UpdateResult(install.versions(), ranges, older, install);
    }

    private static void checkNames(UpdateOptions options, Lockfile lock, Map<String, String> direct, String project) {
        for (String name : options.names()) {
            if (options.latest() && !direct.containsKey(name)) {
                throw new OperationException(RemoveOperation.NOT_A_DEPENDENCY, name + " is not a dependency of "
                        + project, List.of("--latest moves the ranges of direct dependencies only"));
            }
            if (!direct.containsKey(name) && !lock.packages().containsKey(name)) {
                throw new OperationException(TreeOperation.NOT_INSTALLED, name + " is not installed in this project",
                        List.of("'hype pkg list' shows what is installed; 'hype pkg install " + name + "' adds it"));
            }
        }
    }

    private static Set<String> targets(UpdateOptions options, Lockfile lock, Map<String, String> direct) {
        if (!options.names().isEmpty()) {
            return new LinkedHashSet<>(options.names());
        }
        return new TreeSet<>(options.latest() ? direct.keySet() : lock.packages().keySet());
    }

    /**
     * Return {@code ^LATEST} for each target whose range does not say so already; a target whose {@code latest} tag
     * names a version older than the one locked is never moved back, and goes into {@code older} instead.
     */
    private static Map<String, String> latestRanges(UpdateOptions options, Set<String> targets,
                                                    Map<String, String> direct, Lockfile lock,
                                                    Map<String, Version> older) {
        Map<String, String> ranges = new TreeMap<>();
        for (String name : targets) {
            if (RockName.isRock(name)) {
                String range = RockUpdates.latestRange(options.rocks(), name);
                if (!range.equals(direct.get(name))) {
                    ranges.put(name, range);
                }
                continue;
            }
            String text = options.registry().packument(name, Form.ABBREVIATED).latest()
                    .orElseThrow(() -> new OperationException(NO_LATEST, name + " has no 'latest' dist-tag",
                            List.of("'hype pkg info " + name + "' lists its dist-tags")));
            Version latest = Version.parse(text, false);
            LockedPackage locked = lock.packages().get(name);
            if (locked != null && latest.compareTo(locked.version()) < 0) {
                older.put(name, latest);
                continue;
            }
            String range = "^" + latest;
            if (!range.equals(direct.get(name))) {
                ranges.put(name, range);
            }
        }
        return ranges;
    }

    private static DependencyKind kind(Manifest manifest, String name) {
        if (manifest.dependencies().containsKey(name)) {
            return DependencyKind.RUNTIME;
        }
        return manifest.devDependencies().containsKey(name) ? DependencyKind.DEV : DependencyKind.OPTIONAL;
    }

}
