package dev.hype.pm.pack;

import dev.hype.pm.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Hold a packed tarball and what identifies it.
 *
 * @param name the package name from {@code hype.json}
 * @param version the package version from {@code hype.json}
 * @param fileName the tarball's conventional file name, e.g. {@code my-pkg-1.0.0.tgz} or
 *     {@code scope-my-pkg-1.0.0.tgz} for {@code @scope/my-pkg}
 * @param tarball the gzip'd tar bytes
 * @param integrity the sha512 integrity ({@code sha512-<base64>})
 * @param shasum the sha1 digest; {@link Integrity#hex()} gives the registry's {@code shasum}
 * @param files the files in entry order
 */
public record PackResult(String name, String version, String fileName, byte[] tarball, Integrity integrity,
                         Integrity shasum, List<PackedFile> files) {

    /** Copy the file list and keep a private copy of the bytes. */
    public PackResult {
        tarball = tarball.clone();
        files = List.copyOf(files);
    }

    /** Return a copy of the tarball bytes. */
    @Override
    public byte[] tarball() {
        return tarball.clone();
    }

    /** Return the sum of the sizes of the files, the registry's {@code dist.unpackedSize}. */
    public long unpackedSize() {
        return files.stream().mapToLong(PackedFile::size).sum();
    }

    /**
     * Write the tarball into {@code directory} under {@link #fileName()}, atomically, and return
     * its path. A new file gets the mode the umask gives; a replaced one keeps its mode. Temporary files an earlier,
     * killed pack left beside it are deleted.
     */
    public Path writeTo(Path directory) throws IOException {
        Path target = directory.resolve(fileName);
        AtomicWrite.write(target, tarball);
        AtomicWrite.removeStale(target, 60_000);
        return target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PackResult that && name.equals(that.name) && version.equals(that.version)
            && fileName.equals(that.fileName) && Arrays.equals(tarball, that.tarball) && files.equals(that.files);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, version, fileName, Arrays.hashCode(tarball), files);
    }

    @Override
    public String toString() {
        return "PackResult[" + fileName + ", " + integrity + ", " + files.size() + " files]";
    }
}
