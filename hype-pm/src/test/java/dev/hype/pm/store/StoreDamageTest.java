package dev.hype.pm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.files.Trees;
import dev.hype.pm.pack.Integrity;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's answers to entries damaged in every way a user or a killed process can leave them: verification names
 * each problem and {@code --fix} removes the entry; entries of older stores (a {@code files.json} index) still check
 * out; prune and the next install clean up what killed installs left; fetch and index failures name the file.
 */
class StoreDamageTest {
    @TempDir
    Path temp;

    private LocalPackages packages;
    private Store store;

    @BeforeEach
    void packages() {
        packages = new LocalPackages(temp.resolve("repo")).add("a", "1.0.0").add("b", "1.0.0").add("c", "1.0.0")
                .add("d", "1.0.0").add("e", "1.0.0");
        store = Store.at(temp.resolve("store"));
    }

    private Path install(String name) {
        return store.ensure(packages.ref(name, "1.0.0"), new FileTarballFetcher());
    }

    private Path entryOf(String name) {
        return install(name).getParent();
    }

    private static void writable(Path file) {
        file.toFile().setWritable(true);
    }

    @Test
    void verifyNamesEachProblemAndFixRemovesOnlyTheDamagedEntries() throws IOException {
        Path a = install("a");
        Path b = install("b");
        Path c = install("c");
        Path d = entryOf("d");
        Path e = entryOf("e");
        long size = Files.size(b.resolve("index.lua"));
        Files.delete(a.resolve("index.lua"));
        writable(b.resolve("index.lua"));
        Files.writeString(b.resolve("index.lua"), "-- longer\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(c.resolve("index.lua"));
        Files.createSymbolicLink(c.resolve("index.lua"), b.resolve("hype.json"));
        writable(d.resolve(EntryIndex.FILE_NAME));
        Files.writeString(d.resolve(EntryIndex.FILE_NAME), "not an index\n");
        Trees.delete(e.resolve("package"));

        StoreVerification report = store.verify(false);

        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.ok()).isFalse();
        Map<String, List<String>> problems = report.damaged().stream().collect(Collectors.toMap(
                damage -> nameOf(damage.directory()), StoreVerification.Damage::problems, (x, y) -> x, TreeMap::new));
        assertThat(problems).containsOnlyKeys("a", "b", "c", "d", "e");
        assertThat(problems.get("a")).containsExactly("index.lua is missing");
        assertThat(problems.get("b")).containsExactly("index.lua changed size (" + size + " -> " + (size + 10)
                + " bytes)");
        assertThat(problems.get("c")).containsExactly("index.lua is not a regular file");
        assertThat(problems.get("d")).singleElement().asString().startsWith("cannot read the entry: ")
                .contains("is not a store index");
        assertThat(problems.get("e")).containsExactly("the entry has no package/ folder");
        assertThat(report.damaged()).allSatisfy(damage -> assertThat(damage.integrity()).startsWith("sha512-"));
        assertThat(report.removed()).isFalse();

        StoreVerification fixed = store.verify(true);

        assertThat(fixed.removed()).isTrue();
        assertThat(fixed.damaged()).hasSize(5);
        assertThat(store.verify(false)).satisfies(after -> {
            assertThat(after.checked()).isZero();
            assertThat(after.ok()).isTrue();
        });
        assertThat(install("a").resolve("index.lua")).as("fetched again").exists();
    }

    /** Return which package of this test an entry holds, by its hype.json or its integrity. */
    private String nameOf(Path entry) {
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Integrity integrity = packages.ref(name, "1.0.0").integrity();
            String hex = integrity.hex();
            if (entry.endsWith(Path.of(hex.substring(0, 2), hex.substring(2)))) {
                return name;
            }
        }
        return entry.toString();
    }

    @Test
    void anEntryWhosePackageFolderIsALinkIsDamagedAndFetchedAgainWithoutTouchingWhereItPoints() throws IOException {
        Path entry = entryOf("a");
        Path elsewhere = temp.resolve("elsewhere");
        Files.move(entry.resolve("package"), elsewhere); // a whole copy of the package, outside the entry
        Files.createSymbolicLink(entry.resolve("package"), elsewhere);

        assertThat(Store.at(temp.resolve("store")).verify(false).damaged()).singleElement()
                .satisfies(d -> assertThat(d.problems()).containsExactly("the entry has no package/ folder"));
        Path again = Store.at(temp.resolve("store")).ensure(packages.ref("a", "1.0.0"), new FileTarballFetcher());

        assertThat(Files.isSymbolicLink(again)).isFalse();
        assertThat(again.resolve("index.lua")).isRegularFile();
        assertThat(elsewhere.resolve("index.lua")).as("the link's target is left alone").isRegularFile();
    }

    @Test
    void anIndexKeepsNamesWithTabsAndPercentSignsAndEveryField() throws IOException {
        Path index = temp.resolve("index.tsv");
        Map<String, FileRecord> records = Map.of(
                "lib/a%09b\tc%.lua", new FileRecord("sha512-AAAA", 12, 1_700_000_000_123_456_789L, "(dev=1,ino=2)", true),
                "plain.lua", new FileRecord("sha512-BBBB", 0, 5, null, false));

        EntryIndex.write(index, records);

        assertThat(EntryIndex.read(index)).containsExactlyEntriesOf(new TreeMap<>(records));
        Files.writeString(index, Files.readString(index).replace("\n", "\n\n"));
        assertThat(EntryIndex.read(index)).as("empty lines are skipped").containsExactlyEntriesOf(new TreeMap<>(records));
        Files.writeString(index, "hype-store-index 12\n");
        assertThatThrownBy(() -> EntryIndex.read(index)).isInstanceOf(IOException.class)
                .hasMessageContaining("is not a store index");
        Files.writeString(index, "hype-store-index 1\n1\t2\t-\t-\tsha512-C\ta\tb\n");
        assertThatThrownBy(() -> EntryIndex.read(index)).isInstanceOf(IOException.class)
                .hasMessageContaining(":2: expected 6 fields");
    }

    @Test
    void anIndexWithBadLinesMakesTheEntryDamagedNamingTheLine() throws IOException {
        Path entry = entryOf("a");
        Path index = entry.resolve(EntryIndex.FILE_NAME);
        writable(index);
        List<String> lines = Files.readAllLines(index);
        Files.writeString(index, lines.getFirst() + "\nindex.lua\tonly-two\n");

        assertThat(Store.at(temp.resolve("store")).verify(false).damaged()).singleElement()
                .satisfies(d -> assertThat(d.problems()).singleElement().asString()
                        .contains(index + ":2: expected 6 fields"));
        assertThatThrownBy(() -> Store.at(temp.resolve("store")).records(packages.ref("a", "1.0.0").integrity()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreException.E_STORE))
                .hasMessageContaining("cannot read " + index);

        String[] fields = lines.get(1).split("\t");
        fields[1] = "many";
        Files.writeString(index, lines.getFirst() + "\n" + String.join("\t", fields) + "\n");
        assertThat(Store.at(temp.resolve("store")).verify(false).damaged()).singleElement()
                .satisfies(d -> assertThat(d.problems()).singleElement().asString().contains(index + ":2: "));
    }

    @Test
    void anEntryOfAnOlderStoreIsCheckedInFullAndIndexedAgain() throws IOException {
        PackageRef ref = packages.ref("a", "1.0.0");
        Path dir = install("a");
        Path entry = dir.getParent();
        Map<String, String> hashes = store.files(ref.integrity()).orElseThrow();
        Files.delete(entry.resolve(EntryIndex.FILE_NAME));
        Files.writeString(entry.resolve(EntryIndex.LEGACY_FILE_NAME), new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(hashes));
        Store older = Store.at(temp.resolve("store"));

        assertThat(older.find(ref.integrity())).contains(dir);
        assertThat(older.files(ref.integrity())).contains(hashes);
        assertThat(older.records(ref.integrity()).orElseThrow().get("index.lua").size())
                .isEqualTo(Files.size(dir.resolve("index.lua")));
        assertThat(older.ensure(ref, TarballFetcher.OFFLINE)).as("usable offline").isEqualTo(dir);
        assertThat(entry.resolve(EntryIndex.FILE_NAME)).as("indexed again").isRegularFile();

        Files.delete(entry.resolve(EntryIndex.FILE_NAME));
        writable(dir.resolve("index.lua"));
        Files.writeString(dir.resolve("index.lua"), "return 'changed'\n");
        assertThat(Store.at(temp.resolve("store")).verify(false).damaged()).as("hashed in full").singleElement()
                .satisfies(d -> assertThat(d.problems()).containsExactly("index.lua was modified"));
    }

    @Test
    void anEntryWithoutAnyIndexIsIncompleteAndReplaced() throws IOException {
        PackageRef ref = packages.ref("a", "1.0.0");
        Path entry = entryOf("a");
        Files.delete(entry.resolve(EntryIndex.FILE_NAME));
        Store again = Store.at(temp.resolve("store"));

        assertThat(again.find(ref.integrity())).isEmpty();
        assertThat(again.hasEntry(ref.integrity())).isTrue();
        assertThat(again.records(ref.integrity())).isEmpty();
        assertThat(again.verify(false).damaged()).singleElement()
                .satisfies(d -> assertThat(d.problems()).containsExactly("the entry has no index.tsv"));
        CountingFetcher fetcher = new CountingFetcher();
        assertThat(again.ensure(ref, fetcher).resolve("index.lua")).exists();
        assertThat(fetcher.fetched()).containsExactly("a@1.0.0");
        assertThat(entry.resolve(EntryIndex.FILE_NAME)).isRegularFile();
    }

    @Test
    void readingAFileOfADamagedEntryNamesTheFile() throws IOException {
        PackageRef ref = packages.ref("a", "1.0.0");
        Path dir = install("a");
        Files.writeString(dir.resolve("extra.lua"), "return 1\n");
        Files.delete(dir.resolve("index.lua"));

        assertThatThrownBy(() -> store.readVerified(ref.integrity(), "extra.lua"))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(StoreException.E_STORE_DAMAGED);
                    assertThat(e.hints()).anyMatch(h -> h.contains("install --force"));
                }).hasMessageEndingWith("is damaged: extra.lua was added");
        assertThatThrownBy(() -> store.readVerified(ref.integrity(), "index.lua"))
                .hasMessageEndingWith("is damaged: index.lua is missing");
    }

    @Test
    void comparingAnInstalledCopyNamesWhatDiffers() throws IOException {
        PackageRef ref = packages.ref("a", "1.0.0");
        Path dir = install("a");
        Path copy = Files.createDirectories(temp.resolve("copy"));
        String original = Files.readString(dir.resolve("index.lua"));
        Files.writeString(copy.resolve("index.lua"), original.replace('a', 'q'));
        Files.copy(dir.resolve("hype.json"), copy.resolve("hype.json"));
        Files.writeString(copy.resolve("new.lua"), "x");
        Files.writeString(copy.resolve(".hype-marker"), "ignored");

        assertThat(store.compare(ref.integrity(), copy, Set.of(".hype-marker"), Set.of("index.lua")))
                .hasValueSatisfying(p -> assertThat(p).containsExactlyInAnyOrder("index.lua was modified",
                        "new.lua was added"));
        Files.delete(copy.resolve("hype.json"));
        assertThat(store.compare(ref.integrity(), copy, Set.of(".hype-marker"), Set.of())).hasValueSatisfying(
                p -> assertThat(p).contains("hype.json is missing").doesNotContain("index.lua was modified"));
        assertThat(store.compare(ref.integrity(), temp.resolve("gone"), Set.of(), Set.of()))
                .contains(List.of("the folder is missing"));
        assertThat(store.compare(Integrity.sha512(new byte[] {9}), copy, Set.of(), Set.of())).as("no such entry")
                .isEmpty();
    }

    @Test
    void leftoversOfKilledInstallsAreSweptOnNextUseAndAliveOnesKept() throws IOException {
        Path tmp = temp.resolve("store2/v1/tmp");
        Path noPid = Files.createDirectories(tmp.resolve("junk"));
        Path badPid = Files.createDirectories(tmp.resolve("entry-notanumber-123"));
        Path dead = Files.createDirectories(tmp.resolve("entry-2147483646-123"));
        Path mine = Files.createDirectories(tmp.resolve("entry-" + ProcessHandle.current().pid() + "-123"));

        Store.at(temp.resolve("store2")).ensure(packages.ref("a", "1.0.0"), new FileTarballFetcher());

        assertThat(noPid).doesNotExist();
        assertThat(badPid).doesNotExist();
        assertThat(dead).doesNotExist();
        assertThat(mine).as("this process may still be using it").isDirectory();
    }

    @Test
    void pruneRemovesIncompleteEntriesAndOldLockFiles() throws IOException {
        Path entry = entryOf("a");
        Files.delete(entry.resolve(EntryIndex.FILE_NAME));
        Path oldLock = entry.getParent().resolve(entry.getFileName() + ".lock");
        Files.writeString(oldLock, "");
        Path emptyPrefix = Files.createDirectories(temp.resolve("store/v1/sha512/zz"));

        StorePruning pruning = store.prune();

        assertThat(pruning.incomplete()).isEqualTo(1);
        assertThat(pruning.removed()).isZero();
        assertThat(entry).doesNotExist();
        assertThat(oldLock).doesNotExist();
        assertThat(emptyPrefix).doesNotExist();
    }

    @Test
    void aMakerThatFailsLeavesNothingBehind() throws IOException {
        Integrity key = Integrity.sha512("built".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.ensure(key, "rocks:x@1.0-1", dir -> {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("half.lua"), "x");
            throw new IllegalStateException("the build broke");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the build broke");
        assertThatThrownBy(() -> store.ensure(key, "rocks:x@1.0-1", dir -> {
            throw new java.nio.file.AccessDeniedException(dir.toString());
        })).isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreException.E_STORE))
                .hasMessageStartingWith("cannot add rocks:x@1.0-1 to the store in " + temp.resolve("store"));

        assertThat(store.hasEntry(key)).isFalse();
        try (var left = Files.list(temp.resolve("store/v1/tmp"))) {
            assertThat(left).isEmpty();
        }
        Path made = store.ensure(key, "rocks:x@1.0-1", dir -> {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ok.lua"), "return 1\n");
        });
        assertThat(made.resolve("ok.lua")).hasContent("return 1\n");
        assertThat(store.ensure(key, "rocks:x@1.0-1", dir -> {
            throw new AssertionError("made again");
        })).isEqualTo(made);
    }

    @Test
    void fetchingFromAnythingButAFileOrAMissingFileNamesTheUrl() {
        PackageRef ref = packages.ref("a", "1.0.0");
        PackageRef remote = new PackageRef("a", ref.version(), ref.integrity(), URI.create("https://example.invalid/a.tgz"));
        PackageRef missing = new PackageRef("a", ref.version(), ref.integrity(), temp.resolve("nope.tgz").toUri());

        assertThatThrownBy(() -> new FileTarballFetcher().fetch(remote)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(StoreException.E_FETCH))
                .hasMessage("cannot fetch a@1.0.0 from https://example.invalid/a.tgz: only file: URLs are supported here");
        assertThatThrownBy(() -> new FileTarballFetcher().fetch(missing)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(StoreException.E_FETCH))
                .hasMessageStartingWith("cannot fetch a@1.0.0 from " + missing.tarball() + ": ");
    }

    @Test
    void anIndexThatIsNotJsonIsNamed() throws IOException {
        Path index = temp.resolve("index.json");
        Files.writeString(index, "{ not json");

        assertThatThrownBy(() -> IndexDistSource.load(index)).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.code()).isEqualTo(StoreException.E_STORE))
                .hasMessageStartingWith("cannot read package index " + index + ": ");
        assertThatThrownBy(() -> IndexDistSource.load(temp.resolve("absent.json")))
                .hasMessageStartingWith("cannot read package index " + temp.resolve("absent.json"));
    }

    @Test
    void aStoreWhoseLockCannotBeOpenedSaysSoAndRecoversOnceItCan() throws IOException {
        Path lock = Files.createDirectories(temp.resolve("store3/v1/lock"));
        Store blocked = Store.at(temp.resolve("store3"));

        for (Runnable use : List.<Runnable>of(blocked::share, blocked::prune, () -> blocked.verify(true))) {
            assertThatThrownBy(use::run).isInstanceOfSatisfying(StoreException.class, e -> {
                assertThat(e.code()).isEqualTo(StoreException.E_STORE);
                assertThat(e.getMessage()).startsWith("cannot lock the store " + lock + ": ");
                assertThat(e.hints()).anyMatch(h -> h.contains("HYPE_HOME"));
            });
        }
        Files.delete(lock);

        try (Store.Lease lease = blocked.share()) {
            assertThat(lease).isNotNull();
        }
        assertThat(blocked.prune().removed()).isZero();
    }
}
