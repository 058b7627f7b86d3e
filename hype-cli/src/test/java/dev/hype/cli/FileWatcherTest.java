package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
    @TempDir
    Path dir;

    @Test
    void reportsAChangeToAWatchedFile() throws IOException, InterruptedException {
        Path app = Files.writeString(dir.resolve("app.lua"), "print(1)");
        Path lib = Files.writeString(dir.resolve("lib.lua"), "return 1");
        try (FileWatcher watcher = FileWatcher.watch(Set.of(app, lib))) {
            Files.writeString(lib, "return 2");
            assertThat(watcher.poll(Duration.ofSeconds(30))).contains(lib);
        }
    }

    @Test
    void reportsADeletedWatchedFile() throws IOException, InterruptedException {
        Path lib = Files.writeString(dir.resolve("lib.lua"), "return 1");
        try (FileWatcher watcher = FileWatcher.watch(Set.of(lib))) {
            Files.delete(lib);
            assertThat(watcher.poll(Duration.ofSeconds(30))).contains(lib);
        }
    }

    @Test
    void ignoresFilesTheProgramDidNotLoad() throws IOException, InterruptedException {
        Path app = Files.writeString(dir.resolve("app.lua"), "print(1)");
        Path other = Files.writeString(dir.resolve("notes.txt"), "x");
        try (FileWatcher watcher = FileWatcher.watch(Set.of(app))) {
            assertThat(watcher.isWatched(other)).isFalse();
            assertThat(watcher.isWatched(app)).isTrue();
            Files.writeString(other, "y");
            Files.writeString(app, "print(2)");
            // The unrelated change is drained first and skipped; the call returns the watched one.
            assertThat(watcher.poll(Duration.ofSeconds(30))).contains(app);
        }
    }

    @Test
    void watchesFilesInSeveralDirectories() throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("sub"));
        Path app = Files.writeString(dir.resolve("app.lua"), "print(1)");
        Path deep = Files.writeString(dir.resolve("sub/deep.lua"), "return 1");
        try (FileWatcher watcher = FileWatcher.watch(Set.of(app, deep))) {
            Files.writeString(deep, "return 2");
            assertThat(watcher.poll(Duration.ofSeconds(30))).contains(deep);
        }
    }
}
