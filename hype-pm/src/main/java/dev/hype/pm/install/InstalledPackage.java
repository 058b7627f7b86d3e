package dev.hype.pm.install;

import java.nio.file.Path;

/**
 * Describe a package found in {@code hype_modules/}.
 *
 * @param name the name its directory stands for
 * @param directory its directory
 * @param manifestName the {@code name} in its {@code hype.json}, or {@code null} when unreadable
 * @param manifestVersion the {@code version} in its {@code hype.json}, or {@code null} when unreadable
 * @param integrity the integrity its install marker records, or {@code null} without a marker
 */
public record InstalledPackage(String name, Path directory, String manifestName, String manifestVersion,
                               String integrity) {
}
