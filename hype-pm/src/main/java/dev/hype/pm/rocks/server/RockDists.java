package dev.hype.pm.rocks.server;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.DistSource;
import dev.hype.pm.store.PackageRef;

/**
 * Locate the archive of a rock version: the {@code .all.rock}, else the {@code .src.rock}, on the first server that
 * lists it. A LuaRocks manifest carries no checksums, so the archive is downloaded now and its sha512 becomes the
 * integrity the lockfile records; later installs must get the same bytes.
 */
public final class RockDists implements DistSource {
    private final RockRepository repository;

    /** Create a locator over {@code repository}. */
    public RockDists(RockRepository repository) {
        this.repository = repository;
    }

    @Override
    public PackageRef locate(String name, Version version) {
        RockRepository.Archive archive = repository.archive(RockName.rock(name), version.toString());
        return new PackageRef(name, version, Integrity.sha512(archive.bytes()), archive.url());
    }
}
