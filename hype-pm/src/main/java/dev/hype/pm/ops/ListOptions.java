package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Say which project's packages to list, and whether to ask a registry what is outdated.
 *
 * @param projectDirectory the directory holding {@code hype.json} and {@code hype-lock.json}
 * @param registry the registry to compare direct dependencies against, or {@code null} to list only
 */
public record ListOptions(Path projectDirectory, RegistryClient registry) {
    /** Check that the directory is given. */
    public ListOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
    }
}
