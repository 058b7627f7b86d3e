package dev.hype.pm.install;

import dev.hype.pm.manifest.PackageName;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * List the commands the packages installed in a {@code hype_modules/} provide, read from their {@code hype.json}
 * {@code bin} fields with {@link Bins}' checks, so {@code hype pkg exec} finds a bin even when it was not linked
 * into {@code .bin} (because it would shadow a command).
 */
public final class InstalledBins {
    private InstalledBins() {
    }

    /**
     * One command of one installed package.
     *
     * @param packageName the package providing it
     * @param command the command name
     * @param script the Lua file it runs, inside the package's directory
     */
    public record Bin(String packageName, String command, Path script) {
    }

    /** Return every command provided in {@code modules}, by name, each with the packages providing it. */
    public static Map<String, List<Bin>> scan(Path modules) {
        Map<String, List<Bin>> result = new TreeMap<>();
        InstalledTree.scan(modules).forEach((name, pkg) -> {
            if (!PackageName.isValid(name)) {
                return;
            }
            Path dir = InstalledTree.packageDirectory(modules, name);
            Bins.read(dir, name).commands().forEach((command, target) -> {
                Path script = dir.resolve(target).normalize();
                if (script.startsWith(dir) && Files.isRegularFile(script, LinkOption.NOFOLLOW_LINKS)) {
                    result.computeIfAbsent(command, c -> new ArrayList<>()).add(new Bin(name, command, script));
                }
            });
        });
        return result;
    }
}
