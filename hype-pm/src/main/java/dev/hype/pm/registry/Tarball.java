package dev.hype.pm.registry;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.TarballListing;

/**
 * Hold a downloaded tarball that matched its integrity and passed every safety check.
 *
 * @param name the package name
 * @param version the version
 * @param bytes the tarball; callers get a copy
 * @param integrity its sha512 integrity
 * @param listing what it holds
 */
public record Tarball(String name, String version, byte[] bytes, Integrity integrity, TarballListing listing) {

    /** Keep a private copy of the bytes. */
    public Tarball {
        bytes = bytes.clone();
    }

    /** Return a copy of the bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tarball that && name.equals(that.name) && version.equals(that.version)
            && integrity.equals(that.integrity);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + version.hashCode();
    }

    @Override
    public String toString() {
        return "Tarball[" + name + "@" + version + ", " + bytes.length + " bytes, " + integrity + "]";
    }
}
