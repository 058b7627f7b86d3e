package dev.hype.pm.registry;

import java.util.List;

/**
 * Describe one package found by a search.
 *
 * @param name the package name
 * @param version its latest version
 * @param description its description, or {@code ""}
 * @param keywords its keywords
 */
public record SearchHit(String name, String version, String description, List<String> keywords) {

    /** Copy the keywords. */
    public SearchHit {
        keywords = List.copyOf(keywords);
    }
}
