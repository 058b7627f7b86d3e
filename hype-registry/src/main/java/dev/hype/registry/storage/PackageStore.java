package dev.hype.registry.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Read and write packuments and tarballs.
 *
 * <p>Writes are atomic; callers serialise writers of one package (the publish handler holds a
 * per-package lock), and readers may run at any time.
 */
public interface PackageStore {

    /** Open (creating if needed) the store rooted at {@code root}. */
    static PackageStore open(Path root) {
        return new DirectoryPackageStore(root);
    }

    /** Return the storage directory. */
    Path root();

    /** Return a private copy of the packument of {@code name}, if the package exists. */
    Optional<ObjectNode> packument(PackageName name);

    /**
     * Return a number that changes whenever this store writes the packument of {@code name}, so
     * callers can cache what they derive from it. Read it before the packument.
     */
    long revision(PackageName name);

    /** Store the packument of {@code name}, replacing any previous one. */
    void writePackument(PackageName name, ObjectNode packument);

    /** Return the path of the tarball {@code fileName} of {@code name}, if it exists. */
    Optional<Path> tarball(PackageName name, String fileName);

    /** Store a tarball of {@code name}; {@code fileName} is a plain {@code *.tgz} name. */
    void writeTarball(PackageName name, String fileName, byte[] data);

    /** Delete the tarball {@code fileName} of {@code name}; return whether it existed. */
    boolean deleteTarball(PackageName name, String fileName);

    /** Return the names of every stored package, sorted. */
    List<PackageName> names();
}
