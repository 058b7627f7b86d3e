package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.ProjectLock;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.manifest.ProjectDirectory;
import dev.hype.pm.resolve.Dependencies;
import dev.hype.pm.resolve.IndexPackageSource;
import dev.hype.pm.resolve.PackageSource;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.IndexDistSource;
import dev.hype.pm.store.StoreException;
import dev.hype.pm.store.TarballFetcher;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Install's modes beyond the plain install: dry runs, --frozen, --offline, clean installs, tags, new projects. */
class InstallModesTest {
    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void packages() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("lpeg", "1.1.0")
                .add("json", "2.0.0", "lpeg", "^1.0.0")
                .add("zlib", "1.0.0").add("zlib", "2.0.0-beta.1");
        project.packages.index();
        project.manifest("""
                {"name": "app", "version": "1.0.0", "dependencies": {"json": "^2.0.0"}}
                """);
    }

    /** A source over the index that records every question and knows the dist-tags given. */
    private static final class RecordingSource implements PackageSource {
        private final PackageSource inner;
        private final Map<String, Map<String, String>> tags;
        final List<String> asked = new ArrayList<>();

        RecordingSource(PackageSource inner, Map<String, Map<String, String>> tags) {
            this.inner = inner;
            this.tags = tags;
        }

        @Override
        public Optional<List<Version>> versions(String name) {
            asked.add(name);
            return inner.versions(name);
        }

        @Override
        public Dependencies dependencies(String name, Version version) {
            asked.add(name + "@" + version);
            return inner.dependencies(name, version);
        }

        @Override
        public Map<String, String> distTags(String name) {
            asked.add("tags " + name);
            return tags.getOrDefault(name, Map.of());
        }
    }

    private RecordingSource recording(Map<String, Map<String, String>> tags) {
        return new RecordingSource(IndexPackageSource.load(project.root.resolve("repo/index.json")), tags);
    }

    private InstallOptions options(PackageSource source, TarballFetcher fetcher) {
        return InstallOptions.of(project.dir, new PackageSources(source,
                IndexDistSource.load(project.root.resolve("repo/index.json")), fetcher), project.store);
    }

    /** Return every path under {@code dir} with its size and modification time, or nothing when it is missing. */
    private static Map<String, String> state(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void aDryRunPlansButChangesNoFileNoStoreAndTakesNoLock() throws IOException {
        project.install();
        project.manifest(project.read("hype.json").replace("\"^2.0.0\"", "\"^2.0.0\", \"lpeg\": \"^1.1.0\""));
        RecordingSource source = recording(Map.of());
        Map<String, String> before = state(project.root);

        InstallResult plan = InstallOperation.run(options(source, new CountingFetcher())
                .adding(DependencyKind.RUNTIME, false, "lpeg@1.0.0").planning(true, false), Reporter.SILENT);

        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.changed()).containsExactly("lpeg");
        assertThat(plan.versions()).extracting(Object::toString).containsExactly("lpeg 1.1.0 -> 1.0.0");
        assertThat(plan.lockfileChanged()).isTrue();
        assertThat(plan.summary()).isEqualTo("dry run: would add 0, remove 0, change 1; nothing was changed");
        assertThat(state(project.root)).isEqualTo(before);
    }

    @Test
    void frozenFailsBeforeAskingTheRegistryWhenTheLockfileDoesNotMatch() {
        project.install();
        project.manifest(project.read("hype.json").replace("\"^2.0.0\"", "\"^2.0.0\", \"lpeg\": \"^2.0.0-0\""));
        RecordingSource source = recording(Map.of());

        assertThatThrownBy(() -> InstallOperation.run(options(source, new CountingFetcher()).with(true, false, false),
                Reporter.SILENT))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(InstallOperation.FROZEN_LOCKFILE);
                    assertThat(e.getMessage()).contains("does not match hype.json",
                            "lpeg is required by app but not locked");
                });
        assertThat(source.asked).isEmpty();
    }

    @Test
    void offlineNamesEveryPackageTheStoreLacksAndFetchesNothing() {
        CountingFetcher fetcher = new CountingFetcher();
        assertThatThrownBy(() -> InstallOperation.run(options(recording(Map.of()), fetcher).with(false, true, false),
                Reporter.SILENT))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(StoreException.E_OFFLINE);
                    assertThat(e.getMessage()).contains("2 packages are not in the store", "json@2.0.0",
                            "lpeg@1.1.0");
                });
        assertThat(fetcher.fetched()).isEmpty();
        assertThat(project.dir.resolve("hype_modules")).doesNotExist();
    }

    @Test
    void aFreshInstallRebuildsEveryPackageFromTheStoreAndDropsStrays() throws IOException {
        project.install();
        Files.delete(project.dir.resolve("hype_modules/json/index.lua"));
        Files.createDirectories(project.dir.resolve("hype_modules/stray"));
        Files.writeString(project.dir.resolve("hype_modules/stray/hype.json"), "{\"name\":\"stray\",\"version\":\"1.0.0\"}");

        InstallResult fresh = InstallOperation.run(options(recording(Map.of()), new CountingFetcher())
                .with(true, false, false).planning(false, true), Reporter.SILENT);

        assertThat(fresh.changed()).containsExactlyInAnyOrder("json", "lpeg");
        assertThat(fresh.removed()).containsExactly("stray");
        assertThat(project.read("hype_modules/json/index.lua")).contains("2.0.0");
        assertThat(project.dir.resolve("hype_modules/stray")).doesNotExist();
    }

    @Test
    void aDistTagInstallsTheVersionItNamesAndSavesACaretRange() {
        RecordingSource source = recording(Map.of("zlib", Map.of("latest", "1.0.0", "next", "2.0.0-beta.1")));

        InstallOperation.run(options(source, new CountingFetcher()).adding(DependencyKind.RUNTIME, false, "zlib@next")
                .approving(requests -> true), Reporter.SILENT);

        assertThat(project.read("hype.json")).contains("\"zlib\": \"^2.0.0-beta.1\"");
        assertThat(project.read("hype_modules/zlib/index.lua")).contains("2.0.0-beta.1");
        assertThatThrownBy(() -> InstallOperation.run(options(source, new CountingFetcher())
                .adding(DependencyKind.RUNTIME, false, "zlib@beta"), Reporter.SILENT))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(InstallOperation.E_NO_SUCH_TAG);
                    assertThat(e.getMessage()).contains("zlib has no dist-tag 'beta'", "'zlib@beta'");
                    assertThat(e.hints()).containsExactly("its dist-tags: latest, next");
                });
    }

    @Test
    void latestWithoutTagsIsTheHighestRelease() {
        InstallOperation.run(options(recording(Map.of()), new CountingFetcher())
                .adding(DependencyKind.RUNTIME, false, "zlib@latest"), Reporter.SILENT);

        assertThat(project.read("hype.json")).contains("\"zlib\": \"^1.0.0\"");
    }

    @Test
    void anUnknownPackageIsReportedAsMissingNotAsAConflict() {
        String manifest = project.read("hype.json");
        assertThatThrownBy(() -> InstallOperation.run(options(recording(Map.of()), new CountingFetcher())
                .adding(DependencyKind.RUNTIME, false, "no-such-lib"), Reporter.SILENT))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(InstallOperation.E_PACKAGE_NOT_FOUND);
                    assertThat(e.getMessage()).contains("no-such-lib", "not in the registry");
                    assertThat(String.join("\n", e.hints())).doesNotContain("loosen").contains("hype pkg search");
                });
        assertThat(project.read("hype.json")).isEqualTo(manifest);
    }

    @Test
    void installingIntoAFolderWithoutAManifestCreatesOne() throws IOException {
        Path bare = Files.createDirectories(temp.resolve("Bare Folder"));
        InstallResult result = InstallOperation.run(InstallOptions.of(bare, project.sources(new CountingFetcher()),
                project.store).adding(DependencyKind.RUNTIME, false, "lpeg"), Reporter.SILENT);

        assertThat(result.manifestCreated()).isTrue();
        assertThat(Files.readString(bare.resolve("hype.json"))).contains("\"name\": \"bare-folder\"",
                "\"lpeg\": \"^1.1.0\"");
        assertThat(bare.resolve("hype_modules/lpeg")).isDirectory();
    }

    @Test
    void aFailedInstallIntoAFolderWithoutAManifestLeavesNothingBehind() throws IOException {
        Path bare = Files.createDirectories(temp.resolve("bare"));
        assertThatThrownBy(() -> InstallOperation.run(InstallOptions.of(bare, project.sources(TarballFetcher.OFFLINE),
                project.store).adding(DependencyKind.RUNTIME, false, "lpeg"), Reporter.SILENT))
                .isInstanceOf(StoreException.class);
        try (Stream<Path> left = Files.list(bare)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> InstallOperation.run(InstallOptions.of(bare, project.sources(new CountingFetcher()),
                project.store), Reporter.SILENT))
                .isInstanceOfSatisfying(HypeException.class,
                        e -> assertThat(e.code()).isEqualTo(ProjectDirectory.E_NO_PROJECT));
        assertThat(bare.resolve(ProjectLock.FILE_NAME)).doesNotExist();
    }
}
