package dev.hype.pm.store;

import dev.hype.pm.fault.PausePoints;
import dev.hype.pm.files.FileModes;
import dev.hype.pm.files.Trees;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.Unpacker;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keep entries under {@code ROOT/v1/ALGORITHM/XX/REST/}: {@code package/} (read-only files) and {@code index.tsv}.
 *
 * <p>Filling takes no file lock: an entry is unpacked under {@code v1/tmp/} and renamed into place, so two processes
 * that fill the same entry at once both succeed and one copy wins. Threads of one JVM wait for each other, so a JVM
 * fetches each entry once.
 */
final class ContentStore implements Store {
    static final String LAYOUT = "v1";
    static final String PACKAGE = "package";
    private static final String TMP = "tmp";
    private static final String LOCK = "lock";
    private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Unpacker unpacker = Unpacker.create();
    /** The folder of each entry asked for, so that an install works each one out once (it asks several times). */
    private final Map<Integrity, Path> entries = new ConcurrentHashMap<>();
    /** The records of entries this instance checked or read, so that an install reads each index once. */
    private final Map<Path, Map<String, FileRecord>> known = new ConcurrentHashMap<>();

    ContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public boolean hasEntry(Integrity integrity) {
        return Files.exists(entry(integrity), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public Optional<Path> find(Integrity integrity) {
        Path entry = entry(integrity);
        Path dir = entry.resolve(PACKAGE);
        return Files.isDirectory(dir) && (Files.isRegularFile(entry.resolve(EntryIndex.FILE_NAME))
                || Files.isRegularFile(entry.resolve(EntryIndex.LEGACY_FILE_NAME))) ? Optional.of(dir)
                : Optional.empty();
    }

    @Override
    public boolean isPackageFolder(Integrity integrity, Path directory) {
        return entry(integrity).resolve(PACKAGE).equals(directory);
    }

    @Override
    public Optional<Map<String, String>> files(Integrity integrity) {
        return records(integrity).map(EntryIndex::hashes);
    }

    @Override
    public Optional<Map<String, FileRecord>> records(Integrity integrity) {
        Path entry = entry(integrity);
        Map<String, FileRecord> cached = known.get(entry);
        if (cached != null) {
            return Optional.of(cached);
        }
        Path file = entry.resolve(EntryIndex.FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                Map<String, FileRecord> records = EntryIndex.read(file);
                known.put(entry, records);
                return Optional.of(records);
            }
            return Files.isDirectory(entry.resolve(PACKAGE)) ? legacyRecords(entry) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    @Override
    public Path ensure(PackageRef ref, TarballFetcher fetcher, boolean fullCheck) {
        return ensure(ref.integrity(), ref.label(), fullCheck, unpacked -> {
            byte[] tarball = fetcher.fetch(ref);
            ref.integrity().verify(tarball, ref.label() + " (" + ref.tarball() + ")");
            unpacker.unpack(tarball, ref.label(), unpacked);
        });
    }

    @Override
    public Path ensure(Integrity key, String label, boolean fullCheck, EntryMaker maker) {
        sweepOnce();
        Path entry = entry(key);
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(entry, k -> new ReentrantLock());
        local.lock();
        try {
            EntryState state = inspect(entry, fullCheck);
            if (state.usable()) {
                return entry.resolve(PACKAGE);
            }
            Path staging = make(label, maker, state);
            try {
                PausePoints.reach("store.unpacked");
                place(staging, entry, label, state != EntryState.ABSENT);
                PausePoints.reach("store.placed");
            } finally {
                Trees.deleteQuietly(staging);
            }
            return entry.resolve(PACKAGE);
        } finally {
            local.unlock();
        }
    }

    @Override
    public byte[] readVerified(Integrity integrity, String path) {
        Path file = entry(integrity).resolve(PACKAGE).resolve(path);
        FileRecord record = records(integrity).map(r -> r.get(path)).orElse(null);
        try {
            if (record == null) {
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw damaged(integrity, List.of(path + " was added"));
                }
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            if (!Integrity.sha512(bytes).sri().equals(record.integrity())) {
                throw damaged(integrity, List.of(path + " was modified"));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw damaged(integrity, List.of(path + " is missing"));
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    @Override
    public Optional<List<String>> compare(Integrity integrity, Path directory, Set<String> ignored,
                                          Set<String> hashed) {
        Optional<Map<String, FileRecord>> records = records(integrity);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(EntryCheck.compareSizes(directory, records.get(), ignored, hashed));
        } catch (NoSuchFileException e) {
            return Optional.of(List.of("the folder is missing"));
        } catch (IOException e) {
            return Optional.of(List.of("cannot read it: " + dev.hype.runtime.ErrorText.of(e)));
        }
    }

    @Override
    public Lease share() {
        return StoreLock.of(layout().resolve(LOCK)).share();
    }

    @Override
    public StoreVerification verify(boolean fix) {
        try (Lease _ = fix ? StoreLock.of(layout().resolve(LOCK)).exclusive() : share()) {
            List<StoreVerification.Damage> damaged = new ArrayList<>();
            int checked = 0;
            for (Path entry : entries()) {
                checked++;
                EntryState state = inspect(entry, true);
                if (!state.usable()) {
                    damaged.add(new StoreVerification.Damage(integrityOf(entry), entry, state.problems()));
                    if (fix) {
                        discard(entry);
                    }
                }
            }
            return new StoreVerification(checked, damaged, fix);
        }
    }

    @Override
    public StorePruning prune() {
        try (Lease _ = StoreLock.of(layout().resolve(LOCK)).exclusive()) {
            return new Pruner(layout()).prune(entries());
        }
    }

    /** Return every entry directory (complete or not), sorted. */
    private List<Path> entries() {
        List<Path> entries = new ArrayList<>();
        Path layout = layout();
        if (!Files.isDirectory(layout)) {
            return entries;
        }
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(layout, Files::isDirectory)) {
            for (Path algorithm : algorithms) {
                if (algorithm.getFileName().toString().equals(TMP)) {
                    continue;
                }
                try (DirectoryStream<Path> prefixes = Files.newDirectoryStream(algorithm, Files::isDirectory)) {
                    for (Path prefix : prefixes) {
                        try (DirectoryStream<Path> rest = Files.newDirectoryStream(prefix, Files::isDirectory)) {
                            rest.forEach(entries::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw failure("cannot list " + layout, e);
        }
        entries.sort(null);
        return entries;
    }

    private String integrityOf(Path entry) {
        String algorithm = entry.getParent().getParent().getFileName().toString();
        String hex = entry.getParent().getFileName().toString() + entry.getFileName();
        try {
            return Integrity.parse(algorithm + "-" + java.util.Base64.getEncoder()
                    .encodeToString(java.util.HexFormat.of().parseHex(hex))).sri();
        } catch (RuntimeException e) {
            return algorithm + ":" + hex;
        }
    }

    /**
     * Say whether an entry can be used as it is, and if not, why. The index is read first, without asking whether
     * the entry, its folder and its index exist: a whole entry, which every warm install meets once per package,
     * costs its index's read and one listing of its folder; what is missing is looked for only when a read fails.
     */
    private EntryState inspect(Path entry, boolean full) {
        known.remove(entry);
        Path dir = entry.resolve(PACKAGE);
        Path indexFile = entry.resolve(EntryIndex.FILE_NAME);
        try {
            Map<String, FileRecord> records = readIndex(indexFile);
            boolean indexed = records != null;
            if (!indexed) {
                if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                    return EntryState.ABSENT;
                }
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return noPackageFolder();
                }
                Optional<Map<String, FileRecord>> legacy = legacyRecords(entry);
                if (legacy.isEmpty()) {
                    return EntryState.broken("the entry has no " + EntryIndex.FILE_NAME);
                }
                records = legacy.get();
                full = true;
            }
            EntryCheck.Outcome outcome;
            try {
                outcome = EntryCheck.check(dir, records, full);
            } catch (NoSuchFileException | NotDirectoryException e) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    return noPackageFolder();
                }
                throw e;
            }
            if (!outcome.ok()) {
                return EntryState.broken(outcome.problems());
            }
            if (outcome.restamped() || !indexed) {
                EntryIndex.write(indexFile, outcome.records());
            }
            known.put(entry, outcome.records());
            return EntryState.USABLE;
        } catch (IOException e) {
            return EntryState.broken("cannot read the entry: " + dev.hype.runtime.ErrorText.of(e));
        }
    }

    /** Read an entry's index, or return {@code null} when it has none (no such file, or not a file). */
    private static Map<String, FileRecord> readIndex(Path indexFile) throws IOException {
        try {
            return EntryIndex.read(indexFile);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            if (!Files.isRegularFile(indexFile)) {
                return null;
            }
            throw e;
        }
    }

    private static EntryState noPackageFolder() {
        return EntryState.broken("the entry has no " + PACKAGE + "/ folder");
    }

    /** Build records for an entry written before {@code index.tsv}: only its hashes are known. */
    private Optional<Map<String, FileRecord>> legacyRecords(Path entry) throws IOException {
        Path legacy = entry.resolve(EntryIndex.LEGACY_FILE_NAME);
        if (!Files.isRegularFile(legacy)) {
            return Optional.empty();
        }
        Map<String, FileRecord> records = new java.util.TreeMap<>();
        EntryIndex.readLegacy(legacy).forEach((path, sri) -> {
            Path file = entry.resolve(PACKAGE).resolve(path);
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            records.put(path, new FileRecord(sri, size, 0, null, Files.isExecutable(file)));
        });
        return Optional.of(records);
    }

    /**
     * Have {@code maker} fill {@code package/} of a new directory under {@code v1/tmp/}, then seal and index it as
     * every entry is; return the directory. An offline maker that cannot replace a damaged entry fails as damaged.
     */
    private Path make(String label, EntryMaker maker, EntryState state) {
        Path staging = null;
        try {
            staging = TempDirectories.create(layout().resolve(TMP), "entry");
            Path unpacked = staging.resolve(PACKAGE);
            maker.make(unpacked);
            Files.createDirectories(unpacked);
            EntryIndex.write(staging.resolve(EntryIndex.FILE_NAME), EntryCheck.seal(unpacked));
            return staging;
        } catch (IOException e) {
            Trees.deleteQuietly(staging);
            throw failure("cannot add " + label + " to the store", e);
        } catch (HypeException e) {
            Trees.deleteQuietly(staging);
            if (state == EntryState.ABSENT || !StoreException.E_OFFLINE.equals(e.code())) {
                throw e;
            }
            throw new StoreException(StoreException.E_STORE_DAMAGED, "the store entry of " + label
                    + " is damaged (" + String.join("; ", state.problems()) + ") and the install is offline",
                    List.of("run the install without --offline to fetch " + label + " again",
                            "'hype pkg store verify' lists every damaged entry"), e);
        } catch (RuntimeException e) {
            Trees.deleteQuietly(staging);
            throw e;
        }
    }

    /**
     * Rename {@code staging} to {@code entry}. An entry in the way is first renamed aside and deleted: the damaged or
     * incomplete one this fill replaces ({@code replacing}), or one that does not check out. When another process
     * placed a good entry first, theirs is used.
     */
    private void place(Path staging, Path entry, String label, boolean replacing) {
        try {
            Files.createDirectories(entry.getParent());
            boolean knownBad = replacing;
            for (int attempt = 1; ; attempt++) {
                if (Files.exists(entry, LinkOption.NOFOLLOW_LINKS)) {
                    if (!knownBad && inspect(entry, false).usable()) {
                        return;
                    }
                    discard(entry);
                }
                knownBad = false;
                try {
                    Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
                    return;
                } catch (FileSystemException e) {
                    if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS) || attempt >= 3) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw failure("cannot add " + label + " to the store", e);
        }
    }

    /** Move an entry out of the way under {@code v1/tmp/} and delete it; a concurrent discard is fine. */
    private void discard(Path entry) {
        known.remove(entry);
        try {
            Path trash = TempDirectories.reserve(layout().resolve(TMP), "trash");
            Files.move(entry, trash, StandardCopyOption.ATOMIC_MOVE);
            Trees.deleteQuietly(trash);
        } catch (NoSuchFileException e) {
            // another process moved it first
        } catch (IOException e) {
            throw failure("cannot remove the damaged entry " + entry, e);
        }
    }

    /** Delete what killed processes left under {@code v1/tmp/}, once per store and process. */
    private void sweepOnce() {
        if (SWEPT.add(root)) {
            TempDirectories.sweep(layout().resolve(TMP));
        }
    }

    private Path layout() {
        return root.resolve(LAYOUT);
    }

    private Path entry(Integrity integrity) {
        Path entry = entries.get(integrity);
        if (entry == null) {
            String hex = integrity.hex();
            entry = layout().resolve(integrity.algorithm().sriName()).resolve(hex.substring(0, 2))
                    .resolve(hex.substring(2));
            entries.put(integrity, entry);
        }
        return entry;
    }

    private StoreException damaged(Integrity integrity, List<String> problems) {
        return new StoreException(StoreException.E_STORE_DAMAGED, "the store entry " + entry(integrity)
                + " is damaged: " + String.join("; ", problems),
                List.of("run 'hype pkg install --force' to fetch it again and reinstall"), null);
    }

    private StoreException failure(String message, IOException cause) {
        return new StoreException(StoreException.E_STORE, message + " in " + root + ": " + dev.hype.runtime.ErrorText.of(cause),
                List.of("check that the store directory is writable (set HYPE_HOME to move it)"), cause);
    }

    /** Whether an entry can be used, and if not, why. */
    private record EntryState(boolean usable, List<String> problems) {
        static final EntryState USABLE = new EntryState(true, List.of());
        static final EntryState ABSENT = new EntryState(false, List.of("absent"));

        static EntryState broken(String problem) {
            return new EntryState(false, List.of(problem));
        }

        static EntryState broken(List<String> problems) {
            return new EntryState(false, problems);
        }
    }

    static {
        // FileModes reads the umask once; reading it here keeps that off the install's parallel path
        FileModes.umask();
    }
}
