package dev.hype.pm.ops;

import java.util.List;
import java.util.Objects;

/**
 * Say which packages to remove from a project, and how to reinstall what remains.
 *
 * @param names the dependency names to remove from every section of {@code hype.json}
 * @param install the project, sources, store and install switches ({@code add} is ignored)
 */
public record RemoveOptions(List<String> names, InstallOptions install) {
    /** Check and copy. */
    public RemoveOptions {
        names = List.copyOf(names);
        Objects.requireNonNull(install, "install");
    }
}
