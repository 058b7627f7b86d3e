package dev.hype.pm.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tell a package's dist-tags after a {@code dist-tag} command.
 *
 * @param name the package
 * @param tags its dist-tags now, tag to version
 * @param tag the tag added or removed, or {@code null} for a listing
 * @param version the version the tag was pointed at (add) or pointed at before (remove), or {@code null}
 */
public record DistTagResult(String name, Map<String, String> tags, String tag, String version) {
    /** Copy the tags, keeping their order. */
    public DistTagResult {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }
}
