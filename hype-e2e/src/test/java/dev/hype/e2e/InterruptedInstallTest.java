package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kill {@code ./hype pkg install c-lib} with SIGKILL at every step that touches the disk (issue 15): the store fill,
 * the staging tree, the commit, every rename, the lockfile and manifest writes, the old tree's deletion. Afterwards
 * the project is all old or all new (tree, lockfile and hype.json together) once recovered, and the next install
 * leaves {@code hype pkg check} clean.
 */
class InterruptedInstallTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OLD = Set.of("a-lib@1.0.0");
    private static final Set<String> NEW = Set.of("a-lib@1.0.0", "b-lib@1.0.0", "c-lib@1.0.0");

    @TempDir
    Path temp;

    private Hype hype;
    private FileRegistry registry;

    @BeforeEach
    void installTheOldTree() {
        hype = Hype.in(temp);
        registry = FileRegistry.in(temp.resolve("registry"))
                .publish("a-lib", "1.0.0", "'a'")
                .publish("b-lib", "1.0.0", "'b'")
                .publish("c-lib", "1.0.0", Map.of("index.lua", "return require('b-lib') .. 'c'\n"),
                        Map.of("dependencies", Map.of("b-lib", "^1.0.0")));
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(tree()).isEqualTo(OLD);
    }

    @ParameterizedTest(name = "killed at {0}")
    @CsvSource({
        "store.unpacked, old, old",
        "store.placed, old, old",
        "install.staging, old, old",
        "install.staged, old, old",
        "install.prepared, old, old",
        "install.committed, old, new",
        "install.old-renamed, , new",
        "install.tree-renamed, , new",
        "install.replaced.hype-lock.json, , new",
        "install.replaced.hype.json, new, new",
        "install.journal-deleted, new, new",
        "install.old-deleting, new, new",
    })
    void aKilledInstallIsAllOldOrAllNewAndTheNextInstallLeavesCheckClean(String point, String seenAtOnce,
                                                                         String afterRecovery) {
        PausePoint pause = PausePoint.at(hype, temp.resolve("fifo"), point);
        try (RunningHype install = hype.start("pkg", "install", "c-lib", "--registry", registry.url())) {
            pause.await(install);
            PausePoint.kill(install);
        }
        PausePoint.clear(hype);
        if (seenAtOnce != null) {
            assertState(seenAtOnce);
        }

        Result check = hype.run("pkg", "check");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertState(afterRecovery);
        assertThat(leftovers()).isEmpty();

        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        Result after = hype.run("pkg", "check").assertSuccess();
        assertThat(after.stdout()).startsWith("ok:");
        assertState(afterRecovery);
    }

    @Test
    void aHalfDeletedOldTreeNeverComesBack() throws IOException {
        PausePoint pause = PausePoint.at(hype, temp.resolve("fifo"), "install.old-deleting");
        try (RunningHype install = hype.start("pkg", "install", "c-lib", "--registry", registry.url())) {
            pause.await(install);
            PausePoint.kill(install);
        }
        PausePoint.clear(hype);
        assertThat(leftovers()).anyMatch(name -> name.startsWith("hype_modules.old-"));
        deleteTree(hype.directory().resolve("hype_modules"));

        Result install = hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();

        assertThat(install.stderr()).contains("removed 1 leftover of interrupted installs");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 3 packages checked");
        assertThat(tree()).isEqualTo(NEW);
        assertThat(leftovers()).isEmpty();
        assertThat(hype.write("main.lua", "print((require('c-lib')))\n")).exists();
        assertThat(hype.run("main.lua").assertSuccess().stdout()).isEqualTo("bc\n");
    }

    private void assertState(String which) {
        Set<String> expected = which.equals("old") ? OLD : NEW;
        assertThat(tree()).as("hype_modules/").isEqualTo(expected);
        assertThat(locked()).as("hype-lock.json").isEqualTo(expected);
        assertThat(manifestNamesCLib()).as("hype.json names c-lib").isEqualTo(which.equals("new"));
    }

    private Set<String> tree() {
        Set<String> installed = new TreeSet<>();
        Path modules = hype.directory().resolve("hype_modules");
        if (!Files.isDirectory(modules)) {
            return installed;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(modules, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (!dir.getFileName().toString().startsWith(".")) {
                    JsonNode manifest = JSON.readTree(dir.resolve("hype.json").toFile());
                    installed.add(manifest.path("name").asText() + "@" + manifest.path("version").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return installed;
    }

    private Set<String> locked() {
        Set<String> locked = new TreeSet<>();
        try {
            JSON.readTree(hype.directory().resolve("hype-lock.json").toFile()).path("packages").properties()
                    .forEach(e -> locked.add(e.getKey() + "@" + e.getValue().path("version").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return locked;
    }

    private boolean manifestNamesCLib() {
        try {
            return JSON.readTree(hype.directory().resolve("hype.json").toFile()).path("dependencies").has("c-lib");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return what interrupted installs left in the project: staging and old trees, the journal, temporary files. */
    private List<String> leftovers() {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(hype.directory())) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("hype_modules.") && !n.equals("hype_modules.lock") || n.endsWith(".tmp"))
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
