package dev.hype.pm.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.semver.Version;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Locate tarballs listed in a static package index: {@code packages.NAME.VERSION.dist} holds {@code tarball} (a URL,
 * or a path relative to the index file) and {@code integrity}.
 */
public final class IndexDistSource implements DistSource {
    private final JsonNode packages;
    private final Path base;
    private final String origin;

    private IndexDistSource(JsonNode packages, Path base, String origin) {
        this.packages = packages;
        this.base = base;
        this.origin = origin;
    }

    /** Read the index file. */
    public static IndexDistSource load(Path index) {
        try {
            JsonNode tree = new ObjectMapper().readTree(Files.readString(index));
            Path dir = index.toAbsolutePath().getParent();
            return new IndexDistSource(tree == null ? null : tree.path("packages"), dir, index.toString());
        } catch (IOException e) {
            throw new StoreException(StoreException.E_STORE, "cannot read package index " + index + ": "
                    + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
    }

    @Override
    public PackageRef locate(String name, Version version) {
        JsonNode dist = packages == null ? null : packages.path(name).path(version.toString()).path("dist");
        if (dist == null || !dist.path("tarball").isTextual() || !dist.path("integrity").isTextual()) {
            throw new StoreException(StoreException.E_NO_DIST, origin + ": no dist.tarball and dist.integrity for "
                    + name + "@" + version, List.of("add \"dist\": {\"tarball\": ..., \"integrity\": ...} to the index"),
                    null);
        }
        String tarball = dist.get("tarball").textValue();
        URI uri = tarball.contains(":") ? URI.create(tarball) : base.resolve(tarball).toUri();
        return new PackageRef(name, version, Integrity.parse(dist.get("integrity").textValue()), uri);
    }
}
