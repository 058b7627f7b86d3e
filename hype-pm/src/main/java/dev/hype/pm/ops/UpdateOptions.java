package dev.hype.pm.ops;

import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.rocks.server.RockRepository;
import java.util.List;
import java.util.Objects;

/**
 * Say which packages to update and how far.
 *
 * @param names the packages to update; empty for all (all direct ones with {@code latest})
 * @param latest whether to move to the registry's {@code latest} dist-tag, rewriting ranges to {@code ^VERSION}
 * @param registry where to read the {@code latest} dist-tag; needed only with {@code latest}
 * @param install how to install: the project, the sources and the store
 * @param rocks the LuaRocks servers to read the latest version of {@code rocks:NAME} from; needed only with
 *     {@code latest} for rocks
 */
public record UpdateOptions(List<String> names, boolean latest, RegistryClient registry, InstallOptions install,
                            RockRepository rocks) {
    /** Check the required parts and copy the names. */
    public UpdateOptions {
        names = List.copyOf(names);
        Objects.requireNonNull(install, "install");
        if (latest) {
            Objects.requireNonNull(registry, "registry");
        }
    }

    /** Say what to update, without LuaRocks servers. */
    public UpdateOptions(List<String> names, boolean latest, RegistryClient registry, InstallOptions install) {
        this(names, latest, registry, install, null);
    }
}
