package dev.hype.pm.install;

import com.fasterxml.jackson.databind.JsonNode;
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
        result.put(name, new InstalledPackage(name, dir, manifestName, version, InstallMarker.integrity(dir)));
    }

    /** Return the directory of package {@code name} inside {@code modules}, scoped names included. */
    public static Path packageDirectory(Path modules, String name) {
        Path dir = modules;
        for (String part : name.split("/")) {
            dir = dir.resolve(part);
        }
        return dir;
    }
}
