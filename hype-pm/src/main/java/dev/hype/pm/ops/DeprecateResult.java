package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.List;

/**
 * Tell what a deprecation changed.
 *
 * @param name the package
 * @param versions the versions whose message was set (or cleared), ascending
 * @param message the message; empty when it was cleared
 */
public record DeprecateResult(String name, List<Version> versions, String message) {
    /** Copy the list. */
    public DeprecateResult {
        versions = List.copyOf(versions);
    }
}
