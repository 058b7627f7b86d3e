package dev.hype.pm.store;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.semver.Version;
import java.net.URI;
import java.util.Objects;

/**
 * Name one package version and where its tarball is.
 *
 * @param name the package name
 * @param version the version
 * @param integrity the tarball's expected digest; it keys the store entry
 * @param tarball the tarball's URL ({@code file:}, {@code https:}, ...)
 */
public record PackageRef(String name, Version version, Integrity integrity, URI tarball) {
    /** Check that every part is present. */
    public PackageRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(integrity, "integrity");
        Objects.requireNonNull(tarball, "tarball");
    }

    /**
     * Return the key of the store entry {@code hype_modules/NAME/} is linked from: {@link #integrity()}, or for a
     * LuaRocks rock its build for this platform.
     */
    public Integrity entryKey() {
        return dev.hype.pm.rocks.RockBuildKey.installed(name, integrity);
    }

    /** Return {@code name@version}. */
    public String label() {
        return name + "@" + version;
    }
}
