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
        LocalPackages packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0");
        PackageRef ref = packages.ref("a", "1.0.0");
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
}
