package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.InstallMarker;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileReader;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.pm.store.StoreException;
import dev.hype.pm.store.TarballFetcher;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallOperationTest {
    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void packages() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("lpeg", "1.1.0")
                .add("json", "2.0.0", "lpeg", "^1.0.0")
                .add("busted", "2.2.0", Map.of("index.lua", "return 1\n", "bin/busted.lua", "print('b')\n"), "json", "2.x")
                .add("@acme/log", "0.3.0");
        project.manifest("""
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"json": "^2.0.0", "@acme/log": "^0.3.0"},
                 "devDependencies": {"busted": "^2.0.0"}}
                """);
    }

    @Test
    void installEveryPackageFlatWithMarkersAndLockfile() throws IOException {
        InstallResult result = project.install();

        assertThat(result.added()).containsExactlyInAnyOrder("@acme/log", "busted", "json", "lpeg");
        assertThat(result.removed()).isEmpty();
        assertThat(result.lockfileChanged()).isTrue();
        assertThat(result.summary()).matches("added 4, removed 0, changed 0 in \\d+\\.\\d\\ds");
        Path modules = project.dir.resolve("hype_modules");
        assertThat(modules.resolve("lpeg/index.lua")).content().contains("1.1.0");
        assertThat(modules.resolve("@acme/log/hype.json")).exists();
        assertThat(InstallMarker.integrity(modules.resolve("json"))).startsWith("sha512-");
        Lockfile lock = LockfileReader.read(project.dir.resolve("hype-lock.json"));
        assertThat(lock.packages()).containsOnlyKeys("@acme/log", "busted", "json", "lpeg");
        assertThat(lock.packages().get("json").dependencies()).containsEntry("lpeg", Version.parse("1.1.0"));
        assertThat(lock.root()).containsEntry("json", "^2.0.0").containsEntry("busted", "^2.0.0");
        try (var stream = Files.list(project.dir)) {
            assertThat(stream.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("hype.json", "hype-lock.json", "hype_modules", "hype_modules.lock");
        }
    }

    @Test
    void hardLinkFromTheStore() throws IOException {
        project.install();
        Path installed = project.dir.resolve("hype_modules/json/index.lua");
        assertThat(Files.getAttribute(installed, "unix:nlink")).isEqualTo(2);
    }

    @Test
    void secondInstallChangesNothingAndFetchesNothing() throws IOException {
        project.install();
        Path lock = project.dir.resolve("hype-lock.json");
        FileTime old = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));
        Files.setLastModifiedTime(lock, old);
        Map<String, String> before = project.snapshot();
        CountingFetcher fetcher = new CountingFetcher();

        InstallResult again = InstallOperation.run(project.options(fetcher), Reporter.SILENT);

        assertThat(again.added()).isEmpty();
        assertThat(again.lockfileChanged()).isFalse();
        assertThat(fetcher.fetched()).isEmpty();
        assertThat(Files.getLastModifiedTime(lock)).isEqualTo(old);
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void linkBinEntries() throws IOException {
        project.packages.add("tool", "1.0.0", Map.of("cli.lua", "print(1)\n",
                "hype.json", "{\"name\": \"tool\", \"version\": \"1.0.0\", \"bin\": {\"tool\": \"cli.lua\"}}"));
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"tool\": \"1.0.0\"}}");
        project.install();
        Path shim = project.dir.resolve("hype_modules/.bin/tool");
        assertThat(Files.isExecutable(shim)).isTrue();
        assertThat(shim).content().contains("\"$dir/../tool/cli.lua\"");
    }

    @Test
    void useLockedVersionsEvenWhenNewerOnesAppear() {
        project.install();
        project.packages.add("lpeg", "1.2.0");

        InstallResult again = project.install();

        assertThat(again.changed()).isEmpty();
        assertThat(project.read("hype_modules/lpeg/index.lua")).contains("1.1.0");
    }

    @Test
    void failureMidInstallLeavesTreeAndLockfileExactlyAsTheyWere() {
        project.install();
        Map<String, String> before = project.snapshot();
        project.manifest(project.read("hype.json").replace("\"^2.0.0\"", "\"^2.0.0\", \"zlib\": \"*\""));
        project.packages.add("zlib", "1.0.0").add("zlib-extra", "1.0.0");
        String manifestBefore = project.read("hype.json");
        Map<String, String> expected = new java.util.TreeMap<>(before);
        expected.put("hype.json", manifestBefore);

        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher(1)), Reporter.SILENT))
                .isInstanceOf(StoreException.class).hasMessageContaining("injected failure");

        assertThat(project.snapshot()).isEqualTo(expected);
    }

    @Test
    void failureOnTheNthOfSeveralDownloadsLeavesAnEmptyProjectEmpty() {
        Map<String, String> before = project.snapshot();
        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher(3)), Reporter.SILENT))
                .isInstanceOf(StoreException.class);
        assertThat(project.snapshot()).isEqualTo(before);
        assertThat(project.install().added()).hasSize(4);
    }

    @Test
    void frozenFailsWhenTheLockfileWouldChange() throws IOException {
        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher()).with(true, false, false),
                Reporter.SILENT)).extracting(e -> ((HypeException) e).code()).isEqualTo("E_FROZEN_LOCKFILE");
        project.install();
        deleteTree(project.dir.resolve("hype_modules/json"));

        InstallResult frozen = InstallOperation.run(project.options(new CountingFetcher()).with(true, false, false),
                Reporter.SILENT);
        assertThat(frozen.added()).containsExactly("json");

        project.manifest(project.read("hype.json").replace("\"^2.0.0\"", "\"^2.0.0\", \"zlib\": \"*\""));
        project.packages.add("zlib", "1.0.0");
        String lock = project.read("hype-lock.json");
        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher()).with(true, false, false),
                Reporter.SILENT)).isInstanceOf(OperationException.class).hasMessageContaining("zlib is required by app but not locked");
        assertThat(project.read("hype-lock.json")).isEqualTo(lock);
        assertThat(project.dir.resolve("hype_modules/zlib")).doesNotExist();
    }

    @Test
    void offlineInstallsFromTheStoreAlone() throws IOException {
        project.install();
        deleteTree(project.dir.resolve("hype_modules"));

        InstallResult offline = InstallOperation.run(project.options(TarballFetcher.OFFLINE).with(false, true, false),
                Reporter.SILENT);

        assertThat(offline.added()).hasSize(4);
        project.manifest(project.read("hype.json").replace("\"^2.0.0\"", "\"^2.0.0\", \"zlib\": \"*\""));
        project.packages.add("zlib", "1.0.0");
        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher()).with(false, true, false),
                Reporter.SILENT)).isInstanceOf(StoreException.class).hasMessageContaining("zlib@1.0.0")
                .hasMessageContaining("offline");
    }

    @Test
    void productionLeavesOutWhatOnlyDevDependenciesNeed() {
        InstallResult result = InstallOperation.run(project.options(new CountingFetcher()).with(false, false, true),
                Reporter.SILENT);
        assertThat(result.added()).containsExactlyInAnyOrder("@acme/log", "json", "lpeg");
        assertThat(LockfileReader.read(project.dir.resolve("hype-lock.json")).packages()).containsKey("busted");
        assertThat(project.install().added()).containsExactly("busted");
    }

    @Test
    void addPackagesWithCaretRangesKeepingTheManifestFormat() {
        project.packages.add("zlib", "1.0.0").add("zlib", "1.4.2").add("socket", "3.0.0").add("mock", "0.5.0");
        InstallOptions base = project.options(new CountingFetcher());

        InstallOperation.run(base.adding(DependencyKind.RUNTIME, false, "zlib", "socket@~3.0"), Reporter.SILENT);
        InstallOperation.run(base.adding(DependencyKind.DEV, true, "mock"), Reporter.SILENT);

        assertThat(project.read("hype.json")).isEqualTo("""
                {"name": "app", "version": "1.0.0",
                 "dependencies": {"json": "^2.0.0", "@acme/log": "^0.3.0", "zlib": "^1.4.2", "socket": "~3.0"},
                 "devDependencies": {"busted": "^2.0.0", "mock": "0.5.0"}}
                """);
        assertThat(project.dir.resolve("hype_modules/zlib/index.lua")).content().contains("1.4.2");
        assertThat(LockfileReader.read(project.dir.resolve("hype-lock.json")).root())
                .containsEntry("zlib", "^1.4.2").containsEntry("mock", "0.5.0");
    }

    @Test
    void featuresEnableOptionalDependencies() {
        project.packages.add("socket", "3.0.0").add("zlib", "1.0.0");
        project.manifest("""
                {"name": "app", "dependencies": {"json": "^2.0.0"},
                 "optionalDependencies": {"socket": "^3.0.0", "zlib": "*"},
                 "features": {"default": ["socket"], "zip": ["zlib"]}}
                """);
        InstallOptions base = project.options(new CountingFetcher());
        InstallOptions zipOnly = new InstallOptions(base.projectDirectory(), base.sources(), base.storeRoot(),
                java.util.List.of(), DependencyKind.RUNTIME, false, false, false, false,
                dev.hype.pm.resolve.FeatureSelection.of(java.util.List.of("zip"), false, false), java.util.Set.of(),
                base.approver());

        assertThat(InstallOperation.run(base, Reporter.SILENT).added()).contains("socket").doesNotContain("zlib");
        InstallResult zip = InstallOperation.run(zipOnly, Reporter.SILENT);

        assertThat(zip.added()).containsExactly("zlib");
        assertThat(zip.removed()).containsExactly("socket");
        assertThat(LockfileReader.read(project.dir.resolve("hype-lock.json")).root()).containsOnlyKeys("json", "zlib");
    }

    @Test
    void addingAnUnknownPackageChangesNothing() {
        project.install();
        Map<String, String> before = project.snapshot();
        assertThatThrownBy(() -> InstallOperation.run(project.options(new CountingFetcher())
                .adding(DependencyKind.RUNTIME, false, "nope"), Reporter.SILENT))
                .isInstanceOf(HypeException.class).hasMessageContaining("nope");
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void removePrunesWhatNothingNeedsAnyMore() {
        project.install();

        InstallResult result = RemoveOperation.run(new RemoveOptions(java.util.List.of("json"),
                project.options(new CountingFetcher())), Reporter.SILENT);

        assertThat(result.removed()).isEmpty();
        assertThat(project.dir.resolve("hype_modules/json")).exists();
        InstallResult second = RemoveOperation.run(new RemoveOptions(java.util.List.of("busted"), project.options(new CountingFetcher())),
                Reporter.SILENT);
        assertThat(second.removed()).containsExactly("busted", "json", "lpeg");
        assertThat(project.dir.resolve("hype_modules/json")).doesNotExist();
        assertThat(project.dir.resolve("hype_modules/lpeg")).doesNotExist();
        assertThat(project.read("hype.json")).doesNotContain("json\"").doesNotContain("busted");
        assertThat(LockfileReader.read(project.dir.resolve("hype-lock.json")).packages()).containsOnlyKeys("@acme/log");
        assertThatThrownBy(() -> RemoveOperation.run(new RemoveOptions(java.util.List.of("ghost"),
                project.options(new CountingFetcher())), Reporter.SILENT))
                .extracting(e -> ((HypeException) e).code()).isEqualTo(RemoveOperation.NOT_A_DEPENDENCY);
    }

    @Test
    void aPlainInstallRelinksAPackageThatLostOrGainedFiles() throws IOException {
        project.install();
        Files.delete(project.dir.resolve("hype_modules/busted/bin/busted.lua"));
        Files.writeString(project.dir.resolve("hype_modules/json/extra.lua"), "return 2\n");

        InstallResult again = project.install();

        assertThat(again.changed()).containsExactlyInAnyOrder("busted", "json");
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isEmpty();
    }

    @Test
    void forceReinstallsEveryPackageFromAFullyCheckedStore() throws IOException {
        project.install();
        Path index = project.dir.resolve("hype_modules/lpeg/index.lua");
        String original = Files.readString(index);
        FileTime time = Files.getLastModifiedTime(index);
        index.toFile().setWritable(true);
        Files.writeString(index, original.replace('1', '9'));
        Files.setLastModifiedTime(index, time);
        assertThat(project.install().changed()).as("a same-size edit keeps its stamp: a plain install trusts it")
                .isEmpty();
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).hints())
                .containsExactly("run 'hype pkg install --force' to reinstall every package from verified store "
                        + "entries");

        CountingFetcher fetcher = new CountingFetcher();
        InstallResult forced = InstallOperation.run(project.options(fetcher).planning(false, true), Reporter.SILENT);

        assertThat(forced.changed()).containsExactlyInAnyOrder("@acme/log", "busted", "json", "lpeg");
        assertThat(fetcher.fetched()).containsExactly("lpeg@1.1.0");
        assertThat(index).hasContent(original);
        assertThat(CheckOperation.run(new CheckOptions(project.dir, project.store)).problems()).isEmpty();
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
