package dev.hype.pm.store;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.Unpacker;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/** Keep entries under {@code ROOT/v1/ALGORITHM/XX/REST/}, filled under a per-entry lock file. */
final class ContentStore implements Store {
    private static final String LAYOUT = "v1";
    private static final String PACKAGE = "package";
    private static final String FILES = "files.json";
    /** Threads of this JVM take this lock first: a JVM cannot hold two file locks on one file. */
    private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Unpacker unpacker = Unpacker.create();

    ContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Optional<Path> find(Integrity integrity) {
        Path dir = entry(integrity).resolve(PACKAGE);
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    @Override
    public Optional<Map<String, String>> files(Integrity integrity) {
        Path file = entry(integrity).resolve(FILES);
        try {
            return Files.exists(file) ? Optional.of(FileIndex.read(file)) : Optional.empty();
        } catch (IOException e) {
            throw failure("cannot read " + file, e);
        }
    }

    @Override
    public Path ensure(PackageRef ref, TarballFetcher fetcher) {
        return ensure(ref.integrity(), ref.label(), unpacked -> {
            byte[] tarball = fetcher.fetch(ref);
            ref.integrity().verify(tarball, ref.label() + " (" + ref.tarball() + ")");
            unpacker.unpack(tarball, ref.label(), unpacked);
        });
    }

    @Override
    public Path ensure(Integrity key, String label, EntryMaker maker) {
        Optional<Path> present = find(key);
        if (present.isPresent()) {
            return present.get();
        }
        Path entry = entry(key);
        Path lockFile = entry.resolveSibling(entry.getFileName() + ".lock");
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(lockFile, k -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(entry.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return find(key).orElseGet(() -> fill(label, maker, entry));
            }
        } catch (IOException e) {
            throw failure("cannot lock the store entry of " + label, e);
        } finally {
            local.unlock();
        }
    }

    private Path fill(String label, EntryMaker maker, Path entry) {
        Path staging = null;
        try {
            Path tmp = root.resolve(LAYOUT).resolve("tmp");
            Files.createDirectories(tmp);
            staging = Files.createTempDirectory(tmp, "entry-");
            Path unpacked = staging.resolve(PACKAGE);
            maker.make(unpacked);
            Files.createDirectories(unpacked);
            FileIndex.write(staging.resolve(FILES), FileIndex.hash(unpacked, Set.of()));
            try {
                Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, entry);
            }
            staging = null;
            return entry.resolve(PACKAGE);
        } catch (FileAlreadyExistsException e) {
            return entry.resolve(PACKAGE);
        } catch (IOException e) {
            throw failure("cannot add " + label + " to the store", e);
        } finally {
            deleteTree(staging);
        }
    }

    private Path entry(Integrity integrity) {
        String hex = integrity.hex();
        return root.resolve(LAYOUT).resolve(integrity.algorithm().sriName()).resolve(hex.substring(0, 2))
                .resolve(hex.substring(2));
    }

    private StoreException failure(String message, IOException cause) {
        return new StoreException(StoreException.E_STORE, message + " in " + root + ": " + dev.hype.runtime.ErrorText.of(cause),
                List.of("check that the store directory is writable (set HYPE_HOME to move it)"), cause);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover temporary directory is harmless
        }
    }
}
