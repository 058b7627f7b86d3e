package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.install.Reporter;
import dev.hype.pm.lock.LockedPackage;
import dev.hype.pm.lock.Lockfile;
import dev.hype.pm.lock.LockfileReader;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.rocks.LuaRocksServer;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.rocks.build.RockPreparer;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.rocks.server.RocksConfig;
import dev.hype.pm.store.FileTarballFetcher;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install rocks from a real LuaRocks server (made with luarocks pack and luarocks-admin make_manifest, served over
 * HTTP on loopback) through the same install as every package: resolution, lockfile, store, hype_modules.
 */
class RockInstallTest {
    @TempDir
    static Path shared;

    private static LuaRocksServer server;
    private static URI url;

    @TempDir
    Path temp;

    private Project project;

    @BeforeAll
    static void publish() {
        server = LuaRocksServer.create(shared);
        server.rock("bar", "1.0-1").module("bar", "bar.lua", "return {version = '1.0'}\n").dependency("lua >= 5.1")
                .publish();
        server.rock("bar", "2.0-1").module("bar", "bar.lua", "return {version = '2.0'}\n").dependency("lua >= 5.1")
                .publish();
        server.rock("foo", "1.0-1")
                .module("foo", "lua/foo/init.lua", "return {bar = require('bar').version}\n")
                .module("foo.util", "lua/foo/util.lua", "return 'util'\n")
                .module("foo.renamed", "src/other_name.lua", "return 'renamed'\n")
                .dependency("lua >= 5.1, < 5.5").dependency("bar >= 2.0, < 3").publish();
        server.rock("old", "1.0-1").module("old", "old.lua", "return 'old'\n").dependency("bar < 2").publish();
        server.rock("future", "1.0-1").module("future", "future.lua", "return 'future'\n")
                .dependency("lua >= 5.5").publish();
        server.rock("binrock", "0.3-2").module("binrock", "binrock.lua", "return 'binary'\n").binary().publish();
        server.manifest();
        url = server.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void project() {
        project = new Project(temp);
        project.packages.add("json", "2.0.0");
    }

    private RockRepository repository() {
        return new RockRepository(new RocksConfig(List.of(url), Map.of()),
                new ClientOptions(temp.resolve("cache"), Duration.ofSeconds(5), Duration.ofSeconds(30), 1,
                        Duration.ofMillis(10)), RockPlatform.current());
    }

    private InstallOptions options() {
        return InstallOptions.of(project.dir, project.sources(new FileTarballFetcher())
                .withRocks(repository(), new RockPreparer(RockPlatform.current(), System.getenv())), project.store)
                .approving(pending -> true);
    }

    private Lockfile lock() {
        return LockfileReader.read(project.dir.resolve("hype-lock.json"));
    }

    @Test
    void installRocksWithTheirDependenciesAsLuaRocksLaysThemOut() {
        project.manifest("""
                {"name": "app", "version": "1.0.0", "dependencies": {"rocks:foo": "~> 1", "json": "^2.0.0"}}
                """);

        InstallResult result = InstallOperation.run(options(), Reporter.SILENT);

        assertThat(result.added()).containsExactlyInAnyOrder("json", "rocks:bar", "rocks:foo");
        Path foo = project.dir.resolve("hype_modules/rocks:foo");
        assertThat(foo.resolve("lua/foo/init.lua")).content().contains("require('bar')");
        assertThat(foo.resolve("lua/foo/util.lua")).content().isEqualTo("return 'util'\n");
        assertThat(foo.resolve("lua/foo/renamed.lua")).as("build.modules renames the file").content()
                .isEqualTo("return 'renamed'\n");
        assertThat(foo.resolve("foo-1.0-1.rockspec")).exists();
        assertThat(project.dir.resolve("hype_modules/rocks:bar/lua/bar.lua")).content().contains("2.0");
        Lockfile lock = lock();
        LockedPackage bar = lock.packages().get("rocks:bar");
        assertThat(bar.version().toString()).isEqualTo("2.0-1");
        assertThat(bar.integrity()).startsWith("sha512-");
        assertThat(bar.resolved()).isEqualTo(url + "/bar-2.0-1.src.rock");
        assertThat(lock.packages().get("rocks:foo").dependencies()).containsOnlyKeys("rocks:bar");
        assertThat(lock.packages().get("rocks:foo").dependencies().get("rocks:bar"))
                .isEqualTo(RockVersion.parse("2.0-1").toVersion());
        assertThat(lock.root()).containsEntry("rocks:foo", "~> 1");
    }

    @Test
    void addARockWithTheConstraintOfItsVersion() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\"}");

        InstallOperation.run(options().adding(DependencyKind.RUNTIME, false, "rocks:bar"), Reporter.SILENT);
        InstallOperation.run(options().adding(DependencyKind.RUNTIME, true, "rocks:binrock"), Reporter.SILENT);

        assertThat(project.read("hype.json")).contains("\"rocks:bar\": \"~> 2\"")
                .contains("\"rocks:binrock\": \"== 0.3-2\"");
        assertThat(project.dir.resolve("hype_modules/rocks:binrock/lua/binrock.lua")).as("from the .all.rock")
                .content().isEqualTo("return 'binary'\n");
        assertThat(lock().packages().get("rocks:binrock").resolved()).endsWith("binrock-0.3-2.all.rock");
    }

    @Test
    void aPackagesDistTagsStillComeFromItsRegistry() {
        dev.hype.pm.resolve.PackageSource registry = new dev.hype.pm.resolve.PackageSource() {
            @Override
            public java.util.Optional<List<dev.hype.pm.semver.Version>> versions(String name) {
                return java.util.Optional.empty();
            }

            @Override
            public dev.hype.pm.resolve.Dependencies dependencies(String name, dev.hype.pm.semver.Version version) {
                return dev.hype.pm.resolve.Dependencies.NONE;
            }

            @Override
            public Map<String, String> distTags(String name) {
                return Map.of("next", "2.0.0");
            }
        };
        PackageSources sources = new PackageSources(registry, (name, version) -> null, ref -> new byte[0])
                .withRocks(repository(), new RockPreparer(RockPlatform.current(), System.getenv()));

        assertThat(sources.packages().distTags("a-lib")).containsExactly(Map.entry("next", "2.0.0"));
        assertThat(sources.packages().distTags("rocks:bar")).isEmpty();
    }

    @Test
    void aRockNamedWithAConstraintKeepsIt() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\"}");

        InstallOperation.run(options().adding(DependencyKind.RUNTIME, false, "rocks:bar@>= 1.0, < 2"), Reporter.SILENT);

        assertThat(project.read("hype.json")).contains("\"rocks:bar\": \">= 1.0, < 2\"");
        assertThat(lock().packages().get("rocks:bar").version().toString()).isEqualTo("1.0-1");
    }

    @Test
    void aPackageMayDependOnARock() {
        project.packages.add("uses-bar", "1.0.0", Map.of("index.lua", "return require('bar')\n"),
                "rocks:bar", ">= 1.0, < 2");
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"uses-bar\": \"^1\"}}");

        InstallOperation.run(options(), Reporter.SILENT);

        assertThat(lock().packages().get("uses-bar").dependencies().get("rocks:bar").toString()).isEqualTo("1.0-1");
        assertThat(project.dir.resolve("hype_modules/rocks:bar/lua/bar.lua")).content().contains("1.0");
    }

    @Test
    void luaItselfIsNotARockToInstall() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:lua\": \">= 5.1\"}}");

        assertThatThrownBy(() -> InstallOperation.run(options(), Reporter.SILENT))
                .hasMessageContaining("dependencies.rocks:lua").hasMessageContaining("provided by Hype's Lua 5.4");
    }

    @Test
    void aVersionConflictIsExplainedInLuaRocksTerms() {
        project.manifest("""
                {"name": "app", "version": "1.0.0", "dependencies": {"rocks:foo": ">= 1.0", "rocks:old": "*"}}
                """);

        assertThatThrownBy(() -> InstallOperation.run(options(), Reporter.SILENT))
                .isInstanceOf(HypeException.class)
                .satisfies(e -> {
                    assertThat(((HypeException) e).code()).isEqualTo("E_VERSION_CONFLICT");
                    assertThat(e.getMessage()).contains("rocks:foo").contains("rocks:bar >= 2.0, < 3")
                            .contains("rocks:old").contains("rocks:bar < 2");
                });
        assertThat(project.dir.resolve("hype_modules")).doesNotExist();
        assertThat(project.dir.resolve("hype-lock.json")).doesNotExist();
    }

    @Test
    void aRockNeedingAnotherLuaIsRefusedWithTheReason() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:future\": \"*\"}}");

        assertThatThrownBy(() -> InstallOperation.run(options(), Reporter.SILENT))
                .hasMessageContaining("every version of rocks:future depends on rocks:lua >= 5.5 (Hype runs Lua 5.4)"
                        + " which doesn't match any versions");
    }

    @Test
    void frozenInstallsTheLockedVersionsAndRefusesAChange() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:bar\": \"~> 1\"}}");
        InstallOperation.run(options(), Reporter.SILENT);
        String locked = project.read("hype-lock.json");

        InstallOperation.run(options().with(true, false, false), Reporter.SILENT);
        assertThat(project.read("hype-lock.json")).isEqualTo(locked);

        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:bar\": \">= 2\"}}");
        assertThatThrownBy(() -> InstallOperation.run(options().with(true, false, false), Reporter.SILENT))
                .hasMessageContaining("--frozen")
                .hasMessageContaining("rocks:bar is locked at 1.0-1, outside the required range >= 2");
        assertThat(project.read("hype-lock.json")).isEqualTo(locked);
    }

    @Test
    void offlineInstallsFromTheStoreWithoutAskingTheServer() throws IOException {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:foo\": \"*\"}}");
        InstallOperation.run(options(), Reporter.SILENT);
        deleteTree(project.dir.resolve("hype_modules"));
        int asked = server.requests().size();

        InstallResult result = InstallOperation.run(options().with(false, true, false), Reporter.SILENT);

        assertThat(result.added()).containsExactlyInAnyOrder("rocks:bar", "rocks:foo");
        assertThat(project.dir.resolve("hype_modules/rocks:foo/lua/foo/util.lua")).exists();
        assertThat(server.requests()).hasSize(asked);
    }

    @Test
    void offlineWithoutTheRockInTheStoreSaysSo() throws IOException {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:bar\": \"*\"}}");
        InstallOperation.run(options(), Reporter.SILENT);
        deleteTree(project.store);
        deleteTree(project.dir.resolve("hype_modules"));

        assertThatThrownBy(() -> InstallOperation.run(options().with(false, true, false), Reporter.SILENT))
                .isInstanceOf(HypeException.class).extracting(e -> ((HypeException) e).code()).isEqualTo("E_OFFLINE");
    }

    @Test
    void aRockThatNoLongerMatchesTheLockfileIsRefused() throws IOException {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:bar\": \"~> 1\"}}");
        InstallOperation.run(options(), Reporter.SILENT);
        deleteTree(project.store);
        deleteTree(project.dir.resolve("hype_modules"));
        byte[] original = server.read("bar-1.0-1.src.rock");
        try {
            server.publishRockspec("bar", "1.0-1", new String(server.read("bar-1.0-1.rockspec"),
                    java.nio.charset.StandardCharsets.UTF_8).replace("The bar rock", "Changed"), false);

            assertThatThrownBy(() -> InstallOperation.run(options(), Reporter.SILENT))
                    .isInstanceOf(HypeException.class).hasMessageContaining("rocks:bar@1.0-1")
                    .extracting(e -> ((HypeException) e).code()).isEqualTo("E_INTEGRITY");
            assertThat(project.dir.resolve("hype_modules")).doesNotExist();
        } finally {
            server.overwrite("bar-1.0-1.src.rock", original);
        }
    }

    @Test
    void listTreeCheckUpdateAndRemoveTreatRocksAsPackages() {
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"rocks:bar\": \"~> 1\"}}");
        InstallOperation.run(options(), Reporter.SILENT);

        ListResult list = ListOperation.run(new ListOptions(project.dir, null, repository()));
        assertThat(list.packages()).extracting(e -> e.name() + " " + e.version()).containsExactly("rocks:bar 1.0-1");
        CheckResult check = CheckOperation.run(new CheckOptions(project.dir, project.store));
        assertThat(check.problems()).isEmpty();
        assertThat(check.packagesChecked()).isEqualTo(1);
        assertThat(ListOperation.run(new ListOptions(project.dir, dummyRegistry(), repository())).outdated())
                .extracting(o -> o.name() + " " + o.current() + " " + o.wanted() + " " + o.latest())
                .containsExactly("rocks:bar 1.0-1 1.0-1 2.0-1");

        UpdateResult update = UpdateOperation.run(new UpdateOptions(List.of("rocks:bar"), true, dummyRegistry(),
                options(), repository()), Reporter.SILENT);
        assertThat(update.ranges()).containsEntry("rocks:bar", "~> 2");
        assertThat(lock().packages().get("rocks:bar").version().toString()).isEqualTo("2.0-1");

        RemoveOperation.run(new RemoveOptions(List.of("rocks:bar"), options()), Reporter.SILENT);
        assertThat(project.dir.resolve("hype_modules/rocks:bar")).doesNotExist();
        assertThat(lock().packages()).isEmpty();
    }

    private static dev.hype.pm.registry.RegistryClient dummyRegistry() {
        return dev.hype.pm.registry.RegistryClient.create(dev.hype.pm.registry.RegistryConfig.defaults(),
                ClientOptions.defaults(null));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.delete(p);
            }
        }
    }
}
