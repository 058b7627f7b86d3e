package dev.hype.pm.rocks.server;

import dev.hype.pm.rocks.LuaData;
import dev.hype.pm.rocks.RockException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Hold a LuaRocks server's manifest: which versions of which rocks it has, and in which forms ({@code rockspec},
 * {@code src}, {@code all}, or a platform such as {@code linux-x86_64}).
 *
 * @param rocks rock name to version text to the arches it is published as
 */
public record RockManifest(Map<String, Map<String, Set<String>>> rocks) {
    /** A manifest of a server that has nothing. */
    public static final RockManifest EMPTY = new RockManifest(Map.of());

    /** Copy the maps, sorted. */
    public RockManifest {
        Map<String, Map<String, Set<String>>> copy = new TreeMap<>();
        rocks.forEach((name, versions) -> {
            Map<String, Set<String>> v = new TreeMap<>();
            versions.forEach((version, arches) -> v.put(version, Collections.unmodifiableSet(new TreeSet<>(arches))));
            copy.put(name, Collections.unmodifiableMap(v));
        });
        rocks = Collections.unmodifiableMap(copy);
    }

    /**
     * Read a manifest file ({@code repository = { NAME = { VERSION = { {arch = "src"}, ... } } }}).
     *
     * @param what names the file in errors
     * @throws RockException {@link RockException#E_ROCKSPEC} when it is not a manifest
     */
    public static RockManifest read(byte[] source, String what) {
        Map<String, Map<String, Set<String>>> rocks = new TreeMap<>();
        for (String line : LuaData.repositoryLines(source, what).split("\n")) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 3) {
                continue;
            }
            Set<String> arches = new TreeSet<>(fields[2].isEmpty() ? List.of() : List.of(fields[2].split(",")));
            rocks.computeIfAbsent(fields[0].toLowerCase(java.util.Locale.ROOT), k -> new TreeMap<>())
                    .put(fields[1], arches);
        }
        return new RockManifest(rocks);
    }

    /** Return the versions of {@code rock} the manifest lists, with their arches; empty when it has none. */
    public Map<String, Set<String>> versions(String rock) {
        return rocks.getOrDefault(rock, Map.of());
    }
}
