package dev.hype.pm.store;

import dev.hype.pm.pack.Integrity;
import dev.hype.runtime.HypeHome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hold unpacked packages keyed by the hash of their tarball, shared by every project on the machine.
 *
 * <p>Layout: {@code ROOT/v1/sha512/ab/cdef.../package/} is the unpacked package, its files read-only, and
 * {@code .../index.tsv} records each file's sha512 integrity, size and stamp (modification time and inode). An entry
 * appears by a single rename, so it is either complete or absent. Before an entry is used it is checked against its
 * index, and a damaged one is fetched again. Implementations are safe for concurrent use by threads and processes.
 */
public interface Store {
    /** A hold on the store that keeps {@link #prune} away until it is closed. */
    @FunctionalInterface
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Return the unpacked directory of {@code ref}, checked against its index, fetching and unpacking it first if the
     * store lacks it or its entry is damaged or incomplete.
     *
     * <p>A thread that finds another thread of its JVM filling the same entry waits and reuses it. The tarball is
     * checked against {@code ref.integrity()} before anything is unpacked; on any failure nothing is kept.
     *
     * @param fullCheck whether to hash every file of an existing entry rather than trust untouched stamps
     * @throws StoreException {@link StoreException#E_STORE_DAMAGED} when the entry is damaged and cannot be fetched
     *     (offline); {@link StoreException#E_OFFLINE} when it is absent and cannot be fetched
     */
    Path ensure(PackageRef ref, TarballFetcher fetcher, boolean fullCheck);

    /** Return the unpacked directory of {@code ref} as {@link #ensure(PackageRef, TarballFetcher, boolean)} does. */
    default Path ensure(PackageRef ref, TarballFetcher fetcher) {
        return ensure(ref, fetcher, false);
    }

    /**
     * Return the directory of the entry under {@code key}, making it first with {@code maker} when the store lacks
     * it or its entry is damaged or incomplete: for content the store derives rather than unpacks from a tarball (a
     * LuaRocks rock unpacked, or built for this platform). The maker fills a directory under the store's temporary
     * folder; it is sealed and indexed as every entry is, so verification, {@code check} and {@code --force} treat it
     * alike, and appears as the entry by a single rename. Nothing is kept when the maker fails.
     *
     * @param label names the content in errors, such as {@code rocks:lpeg@1.1.0-1}
     * @param fullCheck whether to hash every file of an existing entry rather than trust untouched stamps
     */
    Path ensure(Integrity key, String label, boolean fullCheck, EntryMaker maker);

    /** Return the entry under {@code key} as {@link #ensure(Integrity, String, boolean, EntryMaker)} does. */
    default Path ensure(Integrity key, String label, EntryMaker maker) {
        return ensure(key, label, false, maker);
    }

    /** Write the content of a store entry. */
    @FunctionalInterface
    interface EntryMaker {
        /** Write the entry's files into {@code directory} (its parent exists; it may not). */
        void make(Path directory) throws java.io.IOException;
    }

    /** Return the unpacked directory of the entry with this integrity, if the store has it (unchecked). */
    Optional<Path> find(Integrity integrity);

    /**
     * Tell whether {@code directory} is the {@code package/} folder of the entry under {@code integrity}, by its path
     * alone, without looking at the disk.
     */
    boolean isPackageFolder(Integrity integrity, Path directory);

    /** Say whether the store has an entry with this integrity, whole or not ({@link #find} answers only whole ones). */
    boolean hasEntry(Integrity integrity);

    /** Return the file index of the entry with this integrity: relative path to sha512 integrity, if present. */
    Optional<Map<String, String>> files(Integrity integrity);

    /** Return the records of the entry's files (hash, size, stamp) by relative path, if present. */
    Optional<Map<String, FileRecord>> records(Integrity integrity);

    /**
     * Read one file of an entry and check its bytes against the index; return {@code null} when the package has no
     * such file.
     *
     * @throws StoreException {@link StoreException#E_STORE_DAMAGED} when the bytes differ from the index
     */
    byte[] readVerified(Integrity integrity, String path);

    /**
     * Compare an installed copy of the entry with this integrity by file names and sizes, reading only the files
     * named in {@code hashed} (to compare their hashes too); return what differs, or empty when the store has no index
     * to compare with. Top-level names in {@code ignored} are skipped.
     */
    Optional<List<String>> compare(Integrity integrity, Path directory, Set<String> ignored, Set<String> hashed);

    /** Hold the store shared with other installs; {@link #prune} waits until every lease is closed. */
    Lease share();

    /** Hash every file of every entry; with {@code removeDamaged}, remove the damaged entries. */
    StoreVerification verify(boolean removeDamaged);

    /** Remove leftovers of killed installs, incomplete entries, and entries no project links. */
    StorePruning prune();

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
