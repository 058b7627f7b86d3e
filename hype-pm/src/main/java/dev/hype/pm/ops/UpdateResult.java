package dev.hype.pm.ops;

import dev.hype.pm.semver.Version;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tell what an update moved.
 *
 * @param changes every package whose locked version changed, sorted by name
 * @param ranges the ranges rewritten in {@code hype.json}, name to new range text
 * @param install what the install underneath changed in {@code hype_modules/}
 */
public record UpdateResult(List<Change> changes, Map<String, String> ranges, InstallResult install) {
    /** Copy the list and the map. */
    public UpdateResult {
        changes = List.copyOf(changes);
        ranges = Collections.unmodifiableMap(new TreeMap<>(ranges));
    }

    /**
     * Describe one package's move.
     *
     * @param name the package name
     * @param from the version locked before, or {@code null} when it is new
     * @param to the version locked now, or {@code null} when it is gone
     */
    public record Change(String name, Version from, Version to) {
        /** Return {@code name 1.0.0 -> 1.2.0}, with {@code (none)} for a missing side. */
        @Override
        public String toString() {
            return name + " " + (from == null ? "(none)" : from) + " -> " + (to == null ? "(none)" : to);
        }
    }
}
