package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tell what an update moved, or on a dry run would move.
 *
 * @param changes every package whose locked version changed, sorted by name
 * @param ranges the ranges rewritten in {@code hype.json}, name to new range text
 * @param notDowngraded with {@code --latest}: packages left where they were because their {@code latest} dist-tag
 *     names an older version than the one locked, name to that older version
 * @param install what the install underneath changed in {@code hype_modules/}
 */
public record UpdateResult(List<PackageChange> changes, Map<String, String> ranges,
                           Map<String, Version> notDowngraded, InstallResult install) {
    /** Copy the list and the maps. */
    public UpdateResult {
        changes = List.copyOf(changes);
        ranges = Collections.unmodifiableMap(new TreeMap<>(ranges));
        notDowngraded = Collections.unmodifiableMap(new TreeMap<>(notDowngraded));
    }
}
