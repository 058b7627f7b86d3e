package dev.hype.pm.install;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hold {@code hype_modules.lock} so that two installs in one project, in one process or in two, never interleave.
 *
 * <p>The operating system releases the lock when the process dies, so a killed install never blocks the next.
 */
public final class ProjectLock implements AutoCloseable {
    /** The lock file's name, beside {@code hype.json}. */
    public static final String FILE_NAME = "hype_modules.lock";
    private static final Map<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Take the project's lock, waiting for another holder; report the wait to {@code reporter} before waiting. */
    public static ProjectLock acquire(Path projectDirectory, Reporter reporter) {
        Path file = projectDirectory.toAbsolutePath().normalize().resolve(FILE_NAME);
        ReentrantLock local = LOCAL.computeIfAbsent(file, k -> new ReentrantLock());
        if (!local.tryLock()) {
            reporter.waitingForLock(file);
            local.lock();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                reporter.waitingForLock(file);
                lock = channel.lock();
            }
            return new ProjectLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw new InstallException("cannot lock " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
