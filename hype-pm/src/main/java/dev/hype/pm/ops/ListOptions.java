package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.rocks.server.RockRepository;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Say which project's packages to list, and whether to ask a registry what is outdated.
 *
 * @param projectDirectory the directory holding {@code hype.json} and {@code hype-lock.json}
 * @param registry the registry to compare direct dependencies against, or {@code null} to list only
 * @param rocks the LuaRocks servers to compare direct {@code rocks:NAME} dependencies against, or {@code null}
 */
public record ListOptions(Path projectDirectory, RegistryClient registry, RockRepository rocks) {
    /** Check that the directory is given. */
    public ListOptions {
        Objects.requireNonNull(projectDirectory, "projectDirectory");
    }

    /** Say which project to list, comparing packages (not rocks) with {@code registry} when given. */
    public ListOptions(Path projectDirectory, RegistryClient registry) {
        this(projectDirectory, registry, null);
    }
}
