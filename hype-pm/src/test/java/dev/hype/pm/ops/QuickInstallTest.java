package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.install.TreeState;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.StoreException;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The no-op install decided from {@code hype_modules/.hype-installed}: it returns without touching the store when
 * the manifest, the lockfile, the switches and the tree are those the last install left, and takes the full path on
 * any change. The store is swapped for a plain file while each install under test runs: the full path then fails on
 * it, the quick one never opens it.
 */
class QuickInstallTest {
    @TempDir
    Path temp;

    private Project project;
    private Path modules;

    @BeforeEach
    void install() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.1.0")
                .add("json", "2.0.0", "lpeg", "^1.0.0")
                .add("tool", "1.0.0", Map.of("cli.lua", "print(1)\n",
                        "hype.json", "{\"name\": \"tool\", \"version\": \"1.0.0\", \"bin\": {\"tool\": \"cli.lua\"}}"))
                .add("@acme/log", "0.3.0");
        project.manifest("""
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"json": "^2.0.0", "@acme/log": "^0.3.0"},
                 "devDependencies": {"tool": "1.0.0"}}
                """);
        project.install();
        modules = project.dir.resolve("hype_modules");
    }

    /** Run an install with the store replaced by a file; return whether it took the quick path. */
    private boolean quick(Function<InstallOptions, InstallOptions> adjust) throws IOException {
        Path aside = temp.resolve("store-aside");
        Files.move(project.store, aside);
        Files.writeString(project.store, "not a store");
        try {
            InstallResult result = InstallOperation.run(adjust.apply(project.options(new CountingFetcher())),
                    Reporter.SILENT);
            assertThat(result.added()).isEmpty();
            assertThat(result.removed()).isEmpty();
            assertThat(result.changed()).isEmpty();
            assertThat(result.lockfileChanged()).isFalse();
            assertThat(result.installed()).isEqualTo(4);
            return true;
        } catch (StoreException e) {
            return false;
        } finally {
            Files.delete(project.store);
            Files.move(aside, project.store);
        }
    }

    private boolean quick() throws IOException {
        return quick(Function.identity());
    }

    @Test
    void aSecondInstallReturnsFromTheMarkerWithoutTheStore() throws IOException {
        Map<String, String> before = project.snapshot();
        assertThat(quick()).isTrue();
        assertThat(quick()).isTrue();
        assertThat(project.snapshot()).isEqualTo(before);
        assertThat(Files.readString(modules.resolve(TreeState.FILE_NAME))).startsWith("hype-installed 1\n");
    }

    @Test
    void aChangedManifestTakesTheFullPath() throws IOException {
        Path manifest = project.dir.resolve("hype.json");
        Files.writeString(manifest, Files.readString(manifest) + "\n");
        assertThat(quick()).isFalse();
        project.install();
        assertThat(quick()).as("the full install wrote a marker for the new manifest").isTrue();
    }

    @Test
    void aChangedLockfileTakesTheFullPath() throws IOException {
        Path lock = project.dir.resolve("hype-lock.json");
        Files.writeString(lock, Files.readString(lock).replace("\n", "\n "));
        assertThat(quick()).isFalse();
    }

    @Test
    void aDeletedPackageFolderTakesTheFullPathWhichPutsItBack() throws IOException {
        InstallOperationTest.deleteTree(modules.resolve("lpeg"));
        assertThat(quick()).isFalse();
        assertThat(project.install().added()).containsExactly("lpeg");
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isEmpty();
        assertThat(quick()).isTrue();
    }

    @Test
    void aFileWrittenThroughTheTreeTakesTheFullPathAndCheckStillReportsIt() throws IOException {
        Path index = modules.resolve("json/index.lua");
        index.toFile().setWritable(true);
        Files.writeString(index, "return 'changed'\n", StandardOpenOption.APPEND);
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isNotEmpty();
        assertThat(quick()).isFalse();
    }

    @Test
    void addedFilesFoldersAndDeletedCommandsTakeTheFullPath() throws IOException {
        Files.writeString(modules.resolve("@acme/log/extra.lua"), "return 2\n");
        assertThat(quick()).isFalse();
        project.install();
        assertThat(quick()).isTrue();

        Files.createDirectory(modules.resolve("stray"));
        assertThat(quick()).isFalse();
        project.install();
        assertThat(modules.resolve("stray")).doesNotExist();
        assertThat(quick()).isTrue();

        Files.delete(modules.resolve(".bin/tool"));
        assertThat(quick()).isFalse();
    }

    @Test
    void forceProductionAndAddingTakeTheFullPath() throws IOException {
        assertThat(quick(options -> options.planning(false, true))).isFalse();
        assertThat(quick(options -> options.with(false, false, true))).isFalse();
        assertThat(quick(options -> options.unlocking(java.util.Set.of("json")))).isFalse();
        assertThat(quick(options -> options.adding(dev.hype.pm.manifest.DependencyKind.RUNTIME, false, "lpeg")))
                .isFalse();
        assertThat(quick()).isTrue();
    }

    @Test
    void removingAPackageTakesTheFullPath() throws IOException {
        InstallResult removed = RemoveOperation.run(new RemoveOptions(java.util.List.of("@acme/log"),
                project.options(new CountingFetcher())), Reporter.SILENT);
        assertThat(removed.removed()).containsExactly("@acme/log");
        assertThat(modules.resolve("@acme")).doesNotExist();
    }

    @Test
    void frozenIsQuickWhenNothingChangedAndFailsAsBeforeWhenTheManifestDoes() throws IOException {
        assertThat(quick(options -> options.with(true, false, false))).isTrue();
        Path manifest = project.dir.resolve("hype.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"^2.0.0\"", "\"^3.0.0\""));
        assertThatThrownBy(() -> quick(options -> options.with(true, false, false)))
                .isInstanceOf(HypeException.class)
                .extracting(e -> ((HypeException) e).code()).isEqualTo(InstallOperation.FROZEN_LOCKFILE);
    }

    @Test
    void aMissingOrDamagedMarkerTakesTheFullPathWhichWritesItAgain() throws IOException {
        Path marker = modules.resolve(TreeState.FILE_NAME);
        Files.delete(marker);
        assertThat(quick()).isFalse();
        project.install();
        assertThat(marker).exists();
        assertThat(quick()).isTrue();

        Files.writeString(marker, "hype-installed 1\nkey 3\nabc\npackages x\n");
        assertThat(quick()).isFalse();
        project.install();
        assertThat(quick()).isTrue();
    }
}
