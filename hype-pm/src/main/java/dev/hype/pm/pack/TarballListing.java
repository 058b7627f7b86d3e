package dev.hype.pm.pack;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describe a tarball that passed every safety check.
 *
 * @param topFolder the single top folder every entry lives under, usually {@code package}
 * @param files the regular files, relative to the top folder, in archive order
 * @param manifests the text of {@code hype.json} and {@code package.json} directly under the
 *     top folder, keyed by file name, for those present
 */
public record TarballListing(String topFolder, List<PackedFile> files, Map<String, String> manifests) {

    /** Copy the collections. */
    public TarballListing {
        files = List.copyOf(files);
        manifests = Map.copyOf(manifests);
    }

    /** Return the text of {@code fileName} ({@code hype.json} or {@code package.json}) if present. */
    public Optional<String> manifest(String fileName) {
        return Optional.ofNullable(manifests.get(fileName));
    }

    /** Return the sum of the file sizes. */
    public long unpackedSize() {
        return files.stream().mapToLong(PackedFile::size).sum();
    }
}
