package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.TerminalText;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Read what a {@code hype_modules/} directory holds. */
public final class InstalledTree {
    /** The install directory's name. */
    public static final String DIRECTORY = "hype_modules";
    /** The directory of linked executables inside it. */
    public static final String BIN = ".bin";

    private InstalledTree() {
    }

    /** List the packages installed in {@code modules} by name; empty when the directory does not exist. */
    public static Map<String, InstalledPackage> scan(Path modules) {
        Map<String, InstalledPackage> result = new TreeMap<>();
        if (!Files.isDirectory(modules)) {
            return result;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(modules)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !Files.isDirectory(entry)) {
                    continue;
                }
                if (name.startsWith("@")) {
                    try (DirectoryStream<Path> scoped = Files.newDirectoryStream(entry, Files::isDirectory)) {
                        for (Path p : scoped) {
                            add(result, name + "/" + p.getFileName(), p);
                        }
                    }
                } else {
                    add(result, name, entry);
                }
            }
        } catch (IOException e) {
            throw new InstallException("cannot read " + modules + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        return result;
    }

    private static void add(Map<String, InstalledPackage> result, String name, Path dir) {
        JsonNode manifest = InstallMarker.readJson(dir.resolve("hype.json"));
        String manifestName = manifest != null && manifest.path("name").isTextual() ? manifest.get("name").textValue() : null;
        String version = manifest != null && manifest.path("version").isTextual() ? manifest.get("version").textValue()
                : null;
        InstallMarker.Contents marker = InstallMarker.read(dir);
        result.put(name, marker == null ? new InstalledPackage(name, dir, manifestName, version, null)
                : new InstalledPackage(name, dir, manifestName, version, marker.integrity(), marker.files(),
                        marker.manifestIntegrity()));
    }

    /**
     * Return the directory of package {@code name} inside {@code modules}, scoped names included.
     *
     * <p>Every write into the tree goes through here, so here is where a name that would land anywhere but one
     * package folder directly in {@code modules} (an empty or dot segment, a separator, more than {@code @scope/name})
     * is refused, whatever checked it before.
     *
     * @throws InstallException for such a name
     */
    public static Path packageDirectory(Path modules, String name) {
        String[] parts = name.split("/", -1);
        boolean shaped = parts.length == 1 || parts.length == 2 && parts[0].startsWith("@");
        Path dir = modules;
        for (String part : parts) {
            if (!shaped || part.isEmpty() || part.startsWith(".") || part.contains("\\") || part.indexOf('\0') >= 0
                    || part.equals(DIRECTORY)) {
                throw new InstallException("refusing to install a package named \"" + TerminalText.escape(name)
                        + "\": it would not land in its own folder of " + modules, null);
            }
            dir = dir.resolve(part);
        }
        if (!dir.normalize().startsWith(modules.normalize()) || dir.getNameCount() != modules.getNameCount() + parts.length) {
            throw new InstallException("refusing to install a package named \"" + TerminalText.escape(name)
                    + "\": it resolves outside " + modules, null);
        }
        return dir;
    }
}
