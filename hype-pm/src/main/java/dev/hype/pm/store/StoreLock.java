package dev.hype.pm.store;

import dev.hype.runtime.ErrorText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Hold the store's {@code lock} file: installs share it, {@code prune} takes it alone, so that nothing is pruned
 * while an install is about to link it.
 *
 * <p>A JVM cannot hold two overlapping file locks, so the threads of one JVM count their shared holds and the first
 * takes the file lock for all of them. Each process holds at most this one store lock, and installs never wait for
 * each other on it, so processes cannot deadlock on the store (per-entry file locks could, and Linux reported it as
 * "Resource deadlock avoided").
 */
final class StoreLock {
    private static final Map<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantReadWriteLock local = new ReentrantReadWriteLock();
    private int sharers;
    private FileChannel sharedChannel;
    private FileLock sharedLock;

    private StoreLock(Path file) {
        this.file = file;
    }

    static StoreLock of(Path file) {
        return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), StoreLock::new);
    }

    /** Take the lock shared with other installs. */
    Store.Lease share() {
        local.readLock().lock();
        try {
            synchronized (this) {
                if (sharers == 0) {
                    sharedChannel = open();
                    try {
                        sharedLock = sharedChannel.lock(0, Long.MAX_VALUE, true);
                    } catch (IOException | RuntimeException e) {
                        close(sharedChannel);
                        throw e;
                    }
                }
                sharers++;
            }
        } catch (IOException e) {
            local.readLock().unlock();
            throw failure(e);
        } catch (RuntimeException e) {
            local.readLock().unlock();
            throw e;
        }
        return this::releaseShared;
    }

    /** Take the lock alone, waiting for every install that shares it. */
    Store.Lease exclusive() {
        local.writeLock().lock();
        FileChannel channel = null;
        try {
            channel = open();
            FileLock lock = channel.lock();
            FileChannel held = channel;
            return () -> {
                try {
                    lock.release();
                } catch (IOException e) {
                    // closing the channel releases it too
                } finally {
                    close(held);
                    local.writeLock().unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            close(channel);
            local.writeLock().unlock();
            throw e instanceof IOException io ? failure(io) : (RuntimeException) e;
        }
    }

    private void releaseShared() {
        try {
            synchronized (this) {
                if (--sharers == 0) {
                    try {
                        sharedLock.release();
                    } catch (IOException e) {
                        // closing the channel releases it too
                    }
                    close(sharedChannel);
                    sharedLock = null;
                    sharedChannel = null;
                }
            }
        } finally {
            local.readLock().unlock();
        }
    }

    private FileChannel open() throws IOException {
        Files.createDirectories(file.getParent());
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private StoreException failure(IOException e) {
        return new StoreException(StoreException.E_STORE, "cannot lock the store " + file + ": "
                + ErrorText.of(e),
                List.of("check that the store directory is writable (set HYPE_HOME to move it)"), e);
    }

    private static void close(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
