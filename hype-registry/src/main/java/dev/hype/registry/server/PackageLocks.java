package dev.hype.registry.server;

import dev.hype.registry.storage.PackageName;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** Serialise the writers of one package (publish, dist-tag and deprecation changes). */
final class PackageLocks {

    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** Hold the lock of {@code name} while it is used in a try-with-resources block. */
    Held lock(PackageName name) {
        ReentrantLock lock = locks.computeIfAbsent(name.toString(), key -> new ReentrantLock());
        lock.lock();
        return lock::unlock;
    }

    /** A held lock; closing it releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
