package dev.hype.pm.install;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Write {@code hype_modules/.bin}: one launcher per bin of the installed packages ({@link BinShims}), for the bins
 * that pass {@link Bins}' checks and shadow nothing. A bin is left out, with the reason reported, when its file is
 * missing, when two packages name the same command, or when its name is a shell command or an executable already on
 * {@code PATH}: a package can never take over a command the project's scripts or the user's shell would run.
 */
final class BinLinker {
    private final CommandLookup commands;

    BinLinker(CommandLookup commands) {
        this.commands = commands;
    }

    /**
     * Link the bins of the packages {@code names} installed in {@code modules}; return the commands linked for each
     * package, and report each bin left out to {@code reporter}. {@code read} holds the bins already read from the
     * packages' {@code hype.json}; the file of a package not in it is read here.
     */
    Map<String, List<String>> link(Path modules, List<String> names, Map<String, Bins> read, Reporter reporter)
            throws IOException {
        Map<String, List<String>> providers = new TreeMap<>();
        Map<String, String> targets = new TreeMap<>();
        for (String name : names) {
            Path packageDir = InstalledTree.packageDirectory(modules, name);
            Bins bins = read.containsKey(name) ? read.get(name) : Bins.read(packageDir, name);
            bins.problems().forEach(reporter::binNotLinked);
            bins.commands().forEach((command, target) -> {
                Path script = packageDir.resolve(target).normalize();
                if (!script.startsWith(packageDir) || !Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS)) {
                    reporter.binNotLinked("bin '" + command + "' of " + name + " is not linked: its file " + target
                            + " is not in the package");
                    return;
                }
                providers.computeIfAbsent(command, c -> new ArrayList<>()).add(name);
                targets.put(name + "\n" + command, target);
            });
        }
        Map<String, List<String>> linked = new TreeMap<>();
        Path binDir = modules.resolve(InstalledTree.BIN);
        for (var e : providers.entrySet()) {
            String command = e.getKey();
            List<String> packages = e.getValue();
            if (packages.size() > 1) {
                reporter.binNotLinked("bin '" + command + "' is not linked: " + String.join(" and ", packages)
                        + " both provide it");
                continue;
            }
            String name = packages.getFirst();
            Optional<String> taken = commands.existing(command);
            if (taken.isPresent()) {
                reporter.binNotLinked("bin '" + command + "' of " + name + " is not linked: it would shadow "
                        + taken.get() + " (run it with 'hype pkg exec " + command + "')");
                continue;
            }
            Files.createDirectories(binDir);
            write(binDir, name, command, targets.get(name + "\n" + command));
            linked.computeIfAbsent(name, n -> new ArrayList<>()).add(command);
        }
        return linked;
    }

    private static void write(Path binDir, String name, String command, String target) throws IOException {
        Path shim = binDir.resolve(command);
        if (!shim.normalize().getParent().equals(binDir.normalize())) {
            throw new InstallException("refusing to write bin '" + command + "' outside " + binDir, null);
        }
        Files.writeString(shim, BinShims.posix(name, command, target));
        PosixFileAttributeView posix = Files.getFileAttributeView(shim, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
            shim.toFile().setExecutable(true);
        }
        if (File.separatorChar == '\\') {
            Files.writeString(binDir.resolve(command + ".cmd"), BinShims.windows(name, command, target));
        }
    }
}
