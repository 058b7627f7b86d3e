package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.TarballFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterruptedInstallTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void installFirstVersion() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("json", "2.0.0", "lpeg", "^1.0.0").add("zlib", "1.0.0")
                .add("socket", "3.0.0");
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.0.0\"}}");
        project.install();
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.0.0\", \"zlib\": \"*\", "
                + "\"socket\": \"*\"}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"store.unpacked", "install.staging", "install.staged"})
    void killedInstallLeavesTheTreeIntactAndARerunSucceeds(String point) throws Exception {
        Map<String, String> before = project.snapshot();
        Path fifo = temp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path log = temp.resolve("child.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), InstallChild.class.getName(), project.dir.toString(),
                project.packages.index().toString(), project.store.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HYPE_PAUSE_AT", point);
        builder.environment().put("HYPE_PAUSE_FIFO", fifo.toString());
        Process child = builder.start();
        try {
            CompletableFuture<String> reached = CompletableFuture.supplyAsync(() -> firstLine(fifo),
                    Thread::startVirtualThread);
            CompletableFuture.anyOf(reached, child.onExit()).get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (!reached.isDone()) {
                fail("the child install ended before " + point + ":\n" + Files.readString(log));
            }
            assertThat(reached.get()).isEqualTo(point);
        } finally {
            child.destroyForcibly();
            child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        assertThat(withoutStaging(project.snapshot())).isEqualTo(before);
        InstallResult rerun = project.install();
        assertThat(rerun.added()).containsExactlyInAnyOrder("zlib", "socket");
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isEmpty();
        try (var files = Files.list(project.dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".staging-")
                    || n.contains(".old-"));
        }
    }

    private static String firstLine(Path fifo) {
        try (var in = Files.newBufferedReader(fifo)) {
            return in.readLine();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void concurrentInstallsInOneProjectSerialise() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        TarballFetcher files = new CountingFetcher();
        TarballFetcher blocking = ref -> {
            fetching.countDown();
            try {
                if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return files.fetch(ref);
        };
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<InstallResult> first = CompletableFuture.supplyAsync(
                () -> InstallOperation.run(project.options(blocking), Reporter.SILENT), threads);
        assertThat(fetching.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        CountingFetcher secondFetcher = new CountingFetcher();
        Reporter waiting = new Reporter() {
            @Override
            public void waitingForLock(Path lockFile) {
                secondWaits.countDown();
            }
        };
        CompletableFuture<InstallResult> second = CompletableFuture.supplyAsync(
                () -> InstallOperation.run(project.options(secondFetcher), waiting), threads);

        assertThat(secondWaits.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(second).isNotDone();
        release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS).added()).containsExactlyInAnyOrder("zlib", "socket");
        InstallResult after = second.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(after.added()).isEmpty();
        assertThat(after.lockfileChanged()).isFalse();
        assertThat(secondFetcher.fetched()).isEmpty();
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isEmpty();
        threads.close();
    }

    private static Map<String, String> withoutStaging(Map<String, String> snapshot) {
        Map<String, String> result = new TreeMap<>(snapshot);
        result.keySet().removeIf(k -> k.startsWith("hype_modules.staging-"));
        return result;
    }
}
