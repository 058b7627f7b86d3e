package dev.hype.pm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackException;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
    @TempDir
    Path temp;

    @Test
    void downloadEachEntryOnceAndKeyItByIntegrity() {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        CountingFetcher fetcher = new CountingFetcher();

        Path first = store.ensure(ref, fetcher);
        Path second = store.ensure(ref, fetcher);

        assertThat(fetcher.fetched()).containsExactly("a@1.0.0");
        assertThat(second).isEqualTo(first);
        String hex = ref.integrity().hex();
        assertThat(first).isEqualTo(temp.resolve("store/v1/sha512").resolve(hex.substring(0, 2))
                .resolve(hex.substring(2)).resolve("package"));
        assertThat(first.resolve("index.lua")).exists();
        assertThat(store.files(ref.integrity()).orElseThrow()).containsOnlyKeys("hype.json", "index.lua");
    }

    @Test
    void concurrentEnsuresFetchOnce() throws Exception {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0");
        PackageRef ref = packages.ref("a", "1.0.0");
        CountingFetcher fetcher = new CountingFetcher();
        List<Future<Path>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                Callable<Path> task = () -> Store.at(temp.resolve("store")).ensure(ref, fetcher);
                results.add(executor.submit(task));
            }
        }
        for (Future<Path> f : results) {
            assertThat(f.get()).isDirectory();
        }
        assertThat(fetcher.fetched()).hasSize(1);
    }

    @Test
    void integrityMismatchKeepsNothing() throws IOException {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0");
        PackageRef good = packages.ref("a", "1.0.0");
        PackageRef forged = new PackageRef("a", good.version(), Integrity.sha512(new byte[] {1, 2, 3}),
                good.tarball());
        Store store = Store.at(temp.resolve("store"));
        TarballFetcher unchecked = ref -> {
            try {
                return Files.readAllBytes(Path.of(ref.tarball()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };

        assertThatThrownBy(() -> store.ensure(forged, unchecked)).isInstanceOf(PackException.class)
                .extracting(e -> ((HypeException) e).code()).isEqualTo(PackException.E_INTEGRITY);
        assertThatThrownBy(() -> store.ensure(forged, new FileTarballFetcher())).isInstanceOf(PackException.class);
        assertThat(store.find(forged.integrity())).isEmpty();
        if (Files.exists(temp.resolve("store"))) {
            try (Stream<Path> files = Files.walk(temp.resolve("store"))) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void offlineServesTheStoreAndNamesWhatIsMissing() {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0").add("b", "2.0.0");
        Store store = Store.at(temp.resolve("store"));
        store.ensure(packages.ref("a", "1.0.0"), new FileTarballFetcher());

        assertThat(store.ensure(packages.ref("a", "1.0.0"), TarballFetcher.OFFLINE)).isDirectory();
        assertThatThrownBy(() -> store.ensure(packages.ref("b", "2.0.0"), TarballFetcher.OFFLINE))
                .isInstanceOf(StoreException.class).hasMessageContaining("b@2.0.0")
                .extracting(e -> ((StoreException) e).code()).isEqualTo(StoreException.E_OFFLINE);
    }

    @Test
    void locateTarballsInAnIndex() {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0");
        DistSource dists = IndexDistSource.load(packages.index());
        assertThat(dists.locate("a", dev.hype.pm.semver.Version.parse("1.0.0"))).isEqualTo(packages.ref("a", "1.0.0"));
        assertThatThrownBy(() -> dists.locate("a", dev.hype.pm.semver.Version.parse("9.0.0")))
                .isInstanceOf(StoreException.class).hasMessageContaining("a@9.0.0");
    }

    @Test
    void storeFilesAreReadOnlyAndIndexed() throws IOException {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0");
        Store store = Store.at(temp.resolve("store"));
        Path dir = store.ensure(packages.ref("a", "1.0.0"), new FileTarballFetcher());

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("index.lua")))).isEqualTo("r--r--r--");
        FileRecord record = store.records(packages.ref("a", "1.0.0").integrity()).orElseThrow().get("index.lua");
        assertThat(record.size()).isEqualTo(Files.size(dir.resolve("index.lua")));
        assertThat(record.integrity()).isEqualTo(FileIndex.hashFile(dir.resolve("index.lua")));
    }

    @Test
    void aDamagedEntryIsFetchedAgainBeforeUse() throws IOException {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        Path dir = store.ensure(ref, new FileTarballFetcher());
        String original = Files.readString(dir.resolve("index.lua"));
        Path index = dir.resolve("index.lua");
        index.toFile().setWritable(true);
        Files.writeString(index, original.replace('a', 'z'));
        CountingFetcher fetcher = new CountingFetcher();

        Path again = store.ensure(ref, fetcher);

        assertThat(fetcher.fetched()).containsExactly("a@1.0.0");
        assertThat(again.resolve("index.lua")).hasContent(original);
        assertThat(store.verify(false).ok()).isTrue();
    }

    @Test
    void aDamagedEntryIsRefusedOffline() throws IOException {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        Path dir = store.ensure(ref, new FileTarballFetcher());
        Files.writeString(dir.resolve("added.lua"), "return 1");

        assertThatThrownBy(() -> store.ensure(ref, TarballFetcher.OFFLINE)).isInstanceOf(StoreException.class)
                .hasMessageContaining("a@1.0.0").hasMessageContaining("added.lua was added")
                .extracting(e -> ((StoreException) e).code()).isEqualTo(StoreException.E_STORE_DAMAGED);
        assertThat(store.verify(false).damaged()).singleElement()
                .satisfies(d -> assertThat(d.problems()).containsExactly("added.lua was added"));
    }

    @Test
    void aSameSizeEditWithARestoredTimeIsFoundByAFullCheckOnly() throws IOException {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        Path index = store.ensure(ref, new FileTarballFetcher()).resolve("index.lua");
        var time = Files.getLastModifiedTime(index);
        String original = Files.readString(index);
        index.toFile().setWritable(true);
        Files.writeString(index, original.replace('a', 'z'), java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        Files.setLastModifiedTime(index, time);
        CountingFetcher fetcher = new CountingFetcher();

        store.ensure(ref, fetcher);
        assertThat(fetcher.fetched()).isEmpty();
        Path repaired = store.ensure(ref, fetcher, true);

        assertThat(fetcher.fetched()).containsExactly("a@1.0.0");
        assertThat(repaired.resolve("index.lua")).hasContent(original);
    }

    @Test
    void anEntryWithoutItsPackageFolderNoLongerBlocks() throws IOException {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        Path dir = store.ensure(ref, new FileTarballFetcher());
        dev.hype.pm.files.Trees.delete(dir);

        assertThat(store.ensure(ref, new FileTarballFetcher()).resolve("index.lua")).exists();
    }

    @Test
    void readVerifiedRefusesBytesTheIndexDoesNotKnow() throws IOException {
        PackageRef ref = refOfA();
        Store store = Store.at(temp.resolve("store"));
        Path manifest = store.ensure(ref, new FileTarballFetcher()).resolve("hype.json");
        assertThat(new String(store.readVerified(ref.integrity(), "hype.json"))).contains("\"a\"");
        assertThat(store.readVerified(ref.integrity(), "nope.json")).isNull();

        manifest.toFile().setWritable(true);
        Files.writeString(manifest, "{\"name\": \"a\", \"permissions\": {\"process\": true}}");

        assertThatThrownBy(() -> store.readVerified(ref.integrity(), "hype.json")).isInstanceOf(StoreException.class)
                .hasMessageContaining("hype.json was modified");
    }

    @Test
    void pruneRemovesUnlinkedEntriesAndLeftoversAndKeepsLinkedOnes() throws IOException {
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0").add("b", "1.0.0");
        Store store = Store.at(temp.resolve("store"));
        Path a = store.ensure(packages.ref("a", "1.0.0"), new FileTarballFetcher());
        Path b = store.ensure(packages.ref("b", "1.0.0"), new FileTarballFetcher());
        Path project = Files.createDirectories(temp.resolve("project"));
        Files.createLink(project.resolve("index.lua"), a.resolve("index.lua"));
        Files.createDirectories(temp.resolve("store/v1/tmp/entry-2147483647-1"));

        StorePruning pruning = store.prune();

        assertThat(pruning.removed()).isEqualTo(1);
        assertThat(pruning.kept()).isEqualTo(1);
        assertThat(pruning.temporary()).isEqualTo(1);
        assertThat(a).isDirectory();
        assertThat(b).doesNotExist();
        assertThat(temp.resolve("store/v1/tmp")).isEmptyDirectory();
    }

    @Test
    void threadsOfOneJvmShareTheStoreWhilePruneWaits() throws Exception {
        Store store = Store.at(temp.resolve("store"));
        Store.Lease first = store.share();
        Store.Lease second = store.share();
        java.util.concurrent.CompletableFuture<StorePruning> prune = java.util.concurrent.CompletableFuture
                .supplyAsync(store::prune, Thread::startVirtualThread);
        first.close();
        assertThat(prune).isNotDone();
        second.close();

        assertThat(prune.get(60, java.util.concurrent.TimeUnit.SECONDS).removed()).isZero();
    }

    /** Return the reference of a package {@code a@1.0.0} in a local repository. */
    private PackageRef refOfA() {
        return new LocalPackages(temp.resolve("repo")).add("a", "1.0.0").ref("a", "1.0.0");
    }
}
