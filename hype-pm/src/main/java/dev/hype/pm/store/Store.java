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

    /**
     * Return the directory of the entry under {@code key}, making it first with {@code maker} when the store lacks
     * it: for content the store derives rather than unpacks from a tarball (a LuaRocks rock unpacked, or built for
     * this platform). The maker creates and fills a directory; it appears as the entry by a single rename, under the
     * same lock as {@link #ensure(PackageRef, TarballFetcher)}, and nothing is kept when the maker fails.
     *
     * @param label names the content in errors, such as {@code rocks:lpeg@1.1.0-1}
     */
    Path ensure(Integrity key, String label, EntryMaker maker);

    /** Write the content of a store entry. */
    @FunctionalInterface
    interface EntryMaker {
        /** Create {@code directory} (its parent exists, it does not) and write the entry's files into it. */
        void make(Path directory) throws java.io.IOException;
    }

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
