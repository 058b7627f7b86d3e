package dev.hype.pm.lock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.permissions.PermissionSpec;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hold what the lockfile records about one installed package.
 *
 * @param name the package name
 * @param version the exact version chosen
 * @param resolved the tarball URL it came from
 * @param integrity the tarball's SRI integrity, e.g. {@code sha512-...}
 * @param dependencies the chosen packages it depends on, name to version (the dependency edges)
 * @param permissions the approved permissions as the {@code permissions} object of {@code hype.json} (what the
 *     package asked for when it was approved), or {@code null} while none were approved
 * @param extras unknown keys, kept verbatim so newer tools' data survives a round trip
 * @param features each enabled feature and what enabled it (a dependent's name, or {@code name/feature} for a
 *     feature of a package), all sorted; empty when no feature is on
 */
public record LockedPackage(String name, Version version, String resolved, String integrity,
                            Map<String, Version> dependencies, JsonNode permissions, Map<String, JsonNode> extras,
                            Map<String, List<String>> features) {
    /** Copy the maps, sorted by key. */
    public LockedPackage {
        dependencies = Collections.unmodifiableMap(new TreeMap<>(dependencies));
        extras = Collections.unmodifiableMap(new TreeMap<>(extras));
        Map<String, List<String>> sorted = new TreeMap<>();
        features.forEach((feature, who) -> sorted.put(feature, who.stream().sorted().distinct().toList()));
        features = Collections.unmodifiableMap(sorted);
    }

    /** Create an entry with no feature enabled. */
    public LockedPackage(String name, Version version, String resolved, String integrity,
                         Map<String, Version> dependencies, JsonNode permissions, Map<String, JsonNode> extras) {
        this(name, version, resolved, integrity, dependencies, permissions, extras, Map.of());
    }

    /** Return the approved permissions, or {@code null} while none were approved. */
    public PermissionSpec approvedPermissions() {
        return permissions == null ? null : PermissionSpec.fromJson(permissions);
    }

    /** Return a copy with another permissions slot. */
    public LockedPackage withPermissions(JsonNode approved) {
        return new LockedPackage(name, version, resolved, integrity, dependencies, approved, extras, features);
    }
}
