package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.List;

/**
 * Tell what an unpublish removed.
 *
 * @param name the package
 * @param versions the versions removed, ascending
 * @param wholePackage whether no version of the package remains
 */
public record UnpublishResult(String name, List<Version> versions, boolean wholePackage) {
    /** Copy the list. */
    public UnpublishResult {
        versions = List.copyOf(versions);
    }
}
