package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchLoopTest {
    @TempDir
    Path dir;

    private static Thread start(WatchLoop loop) {
        return Thread.ofPlatform().start(() -> {
            try {
                loop.run();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void rerunsWhenALoadedFileChangesAndNotOtherwise() throws Exception {
        Path script = Files.writeString(dir.resolve("app.lua"), "require('./lib')");
        Path lib = Files.writeString(dir.resolve("lib.lua"), "return 1");
        BlockingQueue<Integer> runs = new LinkedBlockingQueue<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err);
        int[] count = {0};
        WatchLoop loop = new WatchLoop(terminal, script, loaded -> {
            loaded.accept(Set.of(lib));
            runs.add(++count[0]);
            return 0;
        });
        Thread thread = start(loop);
        try {
            assertThat(runs.poll(30, TimeUnit.SECONDS)).isEqualTo(1);
            // The loop registers its watcher after the run; keep touching the file until it reruns.
            Integer second = null;
            for (int attempt = 0; attempt < 60 && second == null; attempt++) {
                Files.writeString(lib, "return " + attempt);
                second = runs.poll(500, TimeUnit.MILLISECONDS);
            }
            assertThat(second).isEqualTo(2);
            assertThat(err.toString()).contains("restarting 'app.lua'".replace("app.lua", script.toString()))
                    .contains("lib.lua changed");
        } finally {
            thread.interrupt();
            thread.join(30_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }

    /** Standard error that hands each complete line to a queue, so a test can wait for the loop's markers. */
    private static final class Lines extends java.io.OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(java.nio.charset.StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String awaitLine(String containing) throws InterruptedException {
            for (String line; (line = lines.poll(30, TimeUnit.SECONDS)) != null; ) {
                if (line.contains(containing)) {
                    return line;
                }
            }
            throw new AssertionError("no line containing '" + containing + "'");
        }
    }

    @Test
    void rerunsWhenADeletedFileThatMadeTheRunFailIsCreatedAgain() throws Exception {
        Path script = Files.writeString(dir.resolve("app.lua"), "require('./lib')");
        Path lib = Files.writeString(dir.resolve("lib.lua"), "return 1");
        Lines err = new Lines();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), err);
        WatchLoop loop = new WatchLoop(terminal, script, loaded -> {
            if (!Files.exists(lib)) {
                throw new dev.hype.runtime.HypeException("MODULE_NOT_FOUND", "module './lib' not found");
            }
            loaded.accept(Set.of(lib));
            return 0;
        });
        Thread thread = start(loop);
        try {
            err.awaitLine("completed running");
            Files.delete(lib);
            err.awaitLine("restarting");
            err.awaitLine("failed running");
            Files.writeString(lib, "return 2");
            assertThat(err.awaitLine("restarting")).contains("lib.lua changed");
            err.awaitLine("completed running");
        } finally {
            thread.interrupt();
            thread.join(30_000);
        }
        assertThat(thread.isAlive()).isFalse();
    }
}
