package dev.hype.pm.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * Tell what {@code hype pkg init} created.
 *
 * @param name the package name written to {@code hype.json}
 * @param directory the package directory
 * @param created the files written, relative to the directory, in the order written
 */
public record InitResult(String name, Path directory, List<String> created) {
    /** Copy the list. */
    public InitResult {
        created = List.copyOf(created);
    }
}
