package dev.hype.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Report when one of a set of files is created, modified or deleted, through a {@link WatchService}. */
final class FileWatcher implements AutoCloseable {
    private final WatchService service;
    private final Set<Path> files;
    private final Map<WatchKey, Path> directories = new HashMap<>();

    private FileWatcher(WatchService service, Set<Path> files) {
        this.service = service;
        this.files = files;
    }

    /** Watch {@code files} (absolute paths) by watching their directories. */
    static FileWatcher watch(Set<Path> files) throws IOException {
        Set<Path> absolute = files.stream().map(p -> p.toAbsolutePath().normalize())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        FileWatcher watcher = new FileWatcher(FileSystems.getDefault().newWatchService(), absolute);
        for (Path directory : absolute.stream().map(Path::getParent).distinct().toList()) {
            if (!java.nio.file.Files.isDirectory(directory)) {
                continue; // a folder removed with its file: nothing there to watch
            }
            WatchKey key = directory.register(watcher.service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            watcher.directories.put(key, directory);
        }
        return watcher;
    }

    /** Return whether a change to {@code path} concerns a watched file. */
    boolean isWatched(Path path) {
        return files.contains(path.toAbsolutePath().normalize());
    }

    /** Wait until a watched file changes and return it. */
    Path take() throws InterruptedException {
        while (true) {
            Optional<Path> changed = drain(service.take());
            if (changed.isPresent()) {
                return changed.get();
            }
        }
    }

    /** Wait up to {@code timeout} for a watched file to change; return it, or empty when none did. */
    Optional<Path> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            WatchKey key = service.poll(left, TimeUnit.NANOSECONDS);
            if (key == null) {
                return Optional.empty();
            }
            Optional<Path> changed = drain(key);
            if (changed.isPresent()) {
                return changed;
            }
        }
    }

    private Optional<Path> drain(WatchKey key) {
        Path directory = directories.get(key);
        Optional<Path> changed = Optional.empty();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (directory != null && event.context() instanceof Path name && changed.isEmpty()) {
                Path path = directory.resolve(name);
                if (isWatched(path)) {
                    changed = Optional.of(path);
                }
            }
        }
        key.reset();
        return changed;
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
