package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Say where one version's tarball is and how to check it: a version's {@code dist} object.
 *
 * @param tarball the tarball URL
 * @param integrity the SRI string ({@code sha512-...}), or {@code null} when the registry gives only a shasum
 * @param shasum the hex sha1, or {@code null}
 */
public record Dist(String tarball, String integrity, String shasum) {

    /** Read a {@code dist} object. */
    public static Dist of(JsonNode dist) {
        return new Dist(text(dist, "tarball"), text(dist, "integrity"), text(dist, "shasum"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
