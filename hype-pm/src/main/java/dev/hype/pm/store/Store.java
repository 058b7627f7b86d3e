package dev.hype.pm.store;

import dev.hype.pm.pack.Integrity;
import dev.hype.runtime.HypeHome;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Hold unpacked packages keyed by the hash of their tarball, shared by every project on the machine.
 *
 * <p>Layout: {@code ROOT/v1/sha512/ab/cdef.../package/} is the unpacked package and
 * {@code .../files.json} maps each of its files to its sha512 integrity. An entry appears by a single rename, so it
 * is either complete or absent. Implementations are safe for concurrent use by threads and processes.
 */
public interface Store {
    /**
     * Return the unpacked directory of {@code ref}, fetching and unpacking it first if the store lacks it.
     *
     * <p>At most one thread or process fetches a given entry; the others wait and then reuse it. The tarball is
     * checked against {@code ref.integrity()} before anything is unpacked; on any failure nothing is kept.
     */
    Path ensure(PackageRef ref, TarballFetcher fetcher);

    /** Return the unpacked directory of the entry with this integrity, if the store has it. */
    Optional<Path> find(Integrity integrity);

    /** Return the file index of the entry with this integrity: relative path to sha512 integrity, if present. */
    Optional<Map<String, String>> files(Integrity integrity);

    /** Return the store's root directory. */
    Path root();

    /** Open the store rooted at {@code root}, creating it on first use. */
    static Store at(Path root) {
        return new ContentStore(root);
    }

    /** Return the default store root: {@code $HYPE_HOME/store}, else {@code ~/.hype/store}. */
    static Path defaultRoot() {
        return HypeHome.directory().resolve("store");
    }
}
