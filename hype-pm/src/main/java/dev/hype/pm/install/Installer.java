package dev.hype.pm.install;

import dev.hype.pm.store.PackageRef;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Build a new {@code hype_modules/} beside the old one and swap it in with renames.
 *
 * <p>The tree is built in {@code hype_modules.staging-*}: kept packages are hard-linked from the current tree,
 * linked ones from their store entries (copied where links fail), and {@code bin} entries go to
 * {@code hype_modules/.bin}. Then the current tree is renamed to {@code hype_modules.old-*}, the staging tree to
 * {@code hype_modules}, and the old one deleted. Until that second rename nothing the project sees has changed.
 * Callers hold the {@link ProjectLock}.
 */
public final class Installer {
    private static final String STAGING = InstalledTree.DIRECTORY + ".staging-";
    private static final String OLD = InstalledTree.DIRECTORY + ".old-";

    private final TreeLinker linker = new TreeLinker();

    /**
     * Carry out {@code plan} in {@code projectDirectory}; {@code storeDirectories} gives the unpacked store directory
     * of every package in {@code plan.link()}. Return whether the tree changed.
     */
    public boolean install(Path projectDirectory, InstallPlan plan, Map<String, Path> storeDirectories,
                           Reporter reporter) {
        Path modules = projectDirectory.resolve(InstalledTree.DIRECTORY);
        if (plan.isNoop() && (Files.isDirectory(modules) || plan.keep().isEmpty())) {
            return false;
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(projectDirectory, STAGING);
            List<String> names = new ArrayList<>();
            for (PackageRef ref : plan.keep()) {
                linker.linkTree(plan.installed().get(ref.name()).directory(),
                        InstalledTree.packageDirectory(staging, ref.name()));
                names.add(ref.name());
            }
            for (PackageRef ref : plan.link()) {
                Path target = InstalledTree.packageDirectory(staging, ref.name());
                linker.linkTree(storeDirectories.get(ref.name()), target);
                InstallMarker.write(target, ref);
                names.add(ref.name());
                reporter.linked(ref);
            }
            Map<String, List<String>> commands = new BinLinker(CommandLookup.system()).link(staging, names, reporter);
            for (PackageRef ref : plan.link()) {
                List<String> linked = commands.getOrDefault(ref.name(), List.of());
                if (!linked.isEmpty()) {
                    reporter.commandsLinked(ref, linked);
                }
            }
            plan.remove().forEach(reporter::removed);
            swap(staging, modules);
            staging = null;
            return true;
        } catch (IOException e) {
            throw new InstallException("cannot install into " + modules + ": " + dev.hype.runtime.ErrorText.of(e), e);
        } finally {
            deleteTree(staging);
        }
    }

    private static void swap(Path staging, Path modules) throws IOException {
        Path old = null;
        if (Files.exists(modules, LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(modules.getParent(), OLD);
            Files.delete(old);
            move(modules, old);
        }
        try {
            move(staging, modules);
        } catch (IOException e) {
            if (old != null) {
                move(old, modules);
            }
            throw e;
        }
        deleteTree(old);
    }

    /**
     * Clean up after an install that was killed: put back a tree that was renamed away but not replaced, and delete
     * leftover staging and old trees. Callers hold the {@link ProjectLock}.
     */
    public static void recover(Path projectDirectory) {
        Path modules = projectDirectory.resolve(InstalledTree.DIRECTORY);
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(projectDirectory,
                p -> p.getFileName().toString().startsWith(STAGING) || p.getFileName().toString().startsWith(OLD))) {
            entries.forEach(leftovers::add);
        } catch (IOException e) {
            throw new InstallException("cannot read " + projectDirectory + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        try {
            if (!Files.exists(modules)) {
                for (Path p : leftovers) {
                    if (p.getFileName().toString().startsWith(OLD)) {
                        move(p, modules);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new InstallException("cannot restore " + modules + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        leftovers.stream().filter(Files::exists).forEach(Installer::deleteTree);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: recover() removes leftovers on the next install
        }
    }
}
