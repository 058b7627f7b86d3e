package dev.hype.pm.ops;

import java.nio.file.Path;

/**
 * Say where to create a package and what to call it.
 *
 * @param directory the directory to create it in (created if absent)
 * @param name the package name, or {@code null} to derive it from the directory name
 */
public record InitOptions(Path directory, String name) {
}
