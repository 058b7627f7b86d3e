package dev.hype.pm.install;

import java.nio.file.Path;
import java.util.Map;

/**
 * Describe a package found in {@code hype_modules/}.
 *
 * @param name the name its directory stands for
 * @param directory its directory
 * @param manifestName the {@code name} in its {@code hype.json}, or {@code null} when unreadable
 * @param manifestVersion the {@code version} in its {@code hype.json}, or {@code null} when unreadable
 * @param integrity the integrity its install marker records, or {@code null} without a marker
 * @param files the size and modification time (nanoseconds) of each file it was installed with, by relative path,
 *     as its marker records; {@code null} when the marker does not say
 * @param manifestIntegrity the sha512 of its {@code hype.json} when installed, or {@code null} when unknown
 */
public record InstalledPackage(String name, Path directory, String manifestName, String manifestVersion,
                               String integrity, Map<String, long[]> files, String manifestIntegrity) {
    /** Copy the map. */
    public InstalledPackage {
        files = files == null ? null : Map.copyOf(files);
    }

    /** Describe a package whose marker records no file sizes. */
    public InstalledPackage(String name, Path directory, String manifestName, String manifestVersion,
                            String integrity) {
        this(name, directory, manifestName, manifestVersion, integrity, null, null);
    }
}
