package dev.hype.pm.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.registry.Packument;
import dev.hype.pm.semver.Version;
import java.net.URI;
import java.util.List;

/**
 * Hold what the registry says about a package.
 *
 * @param name the package name
 * @param registry the registry asked
 * @param packument the full package document
 * @param selector the range or tag asked for, or {@code null} when none was
 * @param matching the versions satisfying the range, ascending ({@code null} when no range was asked)
 * @param shown the version described: the chosen tag's, the highest matching one, or {@code latest}; {@code null}
 *     when no version matched
 * @param version the document of {@code shown}, or {@code null}
 */
public record InfoResult(String name, URI registry, Packument packument, String selector, List<Version> matching,
                         String shown, JsonNode version) {
}
