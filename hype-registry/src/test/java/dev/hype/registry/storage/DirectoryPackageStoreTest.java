package dev.hype.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryPackageStoreTest {

    @TempDir
    Path root;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writeAndReadPackumentsAndTarballsInNestedScopeDirectories() throws IOException {
        PackageStore store = PackageStore.open(root);
        PackageName name = PackageName.parse("@team/tool");
        ObjectNode packument = json.createObjectNode().put("name", "@team/tool");

        store.writePackument(name, packument);
        store.writeTarball(name, "tool-1.0.0.tgz", new byte[] {1, 2, 3});

        assertThat(root.resolve("@team/tool/package.json")).isRegularFile();
        assertThat(store.packument(name)).hasValue(packument);
        assertThat(store.tarball(name, "tool-1.0.0.tgz")).hasValue(root.resolve("@team/tool/tool-1.0.0.tgz"));
        assertThat(store.tarball(name, "tool-2.0.0.tgz")).isEmpty();
        try (Stream<Path> files = Files.list(root.resolve("@team/tool"))) {
            assertThat(files).as("no temporary files left").hasSize(2);
        }
    }

    @Test
    void handOutCopiesSoCallersCannotCorruptTheCache() {
        PackageStore store = PackageStore.open(root);
        PackageName name = PackageName.parse("a");
        store.writePackument(name, json.createObjectNode().put("name", "a"));

        store.packument(name).orElseThrow().put("name", "changed");

        assertThat(store.packument(name).orElseThrow().path("name").asText()).isEqualTo("a");
    }

    @Test
    void changeTheRevisionOnEveryWrite() {
        PackageStore store = PackageStore.open(root);
        PackageName name = PackageName.parse("a");
        long before = store.revision(name);

        store.writePackument(name, json.createObjectNode());
        long once = store.revision(name);
        store.writePackument(name, json.createObjectNode());

        assertThat(once).isNotEqualTo(before);
        assertThat(store.revision(name)).isNotEqualTo(once);
        assertThat(store.revision(PackageName.parse("b"))).isEqualTo(before);
    }

    @Test
    void readPackumentsWrittenByAnotherStoreOverTheSameDirectory() {
        PackageStore.open(root).writePackument(PackageName.parse("a"), json.createObjectNode().put("name", "a"));

        assertThat(PackageStore.open(root).packument(PackageName.parse("a"))).isPresent();
    }

    @Test
    void listPackagesSkippingHiddenAndForeignDirectories() throws IOException {
        PackageStore store = PackageStore.open(root);
        store.writePackument(PackageName.parse("b"), json.createObjectNode());
        store.writePackument(PackageName.parse("@s/a"), json.createObjectNode());
        Files.createDirectories(root.resolve(".hype"));
        Files.createDirectories(root.resolve("not-a-package"));

        assertThat(store.names()).extracting(PackageName::toString).containsExactly("@s/a", "b");
    }

    @Test
    void refuseTarballNamesThatCouldEscape() {
        PackageStore store = PackageStore.open(root);

        assertThatThrownBy(() -> store.writeTarball(PackageName.parse("a"), "../a-1.0.0.tgz", new byte[0]))
            .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> store.tarball(PackageName.parse("a"), "package.json"))
            .isInstanceOf(StorageException.class);
    }

    @Test
    void cleanWhatAKilledPublishLeftWhenOpened() throws IOException {
        PackageStore store = PackageStore.open(root);
        PackageName name = PackageName.parse("a");
        store.writeTarball(name, "a-1.0.0.tgz", new byte[] {1});
        ObjectNode packument = json.createObjectNode().put("name", "a");
        packument.putObject("versions").putObject("1.0.0").putObject("dist").put("tarball", "a/-/a-1.0.0.tgz");
        store.writePackument(name, packument);
        store.writeTarball(name, "a-2.0.0.tgz", new byte[] {2});
        Files.writeString(root.resolve("a/.package.json123.tmp"), "{");
        Files.writeString(root.resolve(".tokens.json456.tmp"), "{");
        Files.createDirectories(root.resolve("@team/orphan"));
        Files.write(root.resolve("@team/orphan/orphan-1.0.0.tgz"), new byte[] {3});

        PackageStore reopened = PackageStore.open(root);

        assertThat(reopened.tarball(name, "a-1.0.0.tgz")).isPresent();
        assertThat(reopened.tarball(name, "a-2.0.0.tgz")).isEmpty();
        assertThat(root.resolve("a/.package.json123.tmp")).doesNotExist();
        assertThat(root.resolve(".tokens.json456.tmp")).doesNotExist();
        assertThat(root.resolve("@team/orphan")).doesNotExist();
    }

    @Test
    void keepTheStoragePathOutOfErrors() throws IOException {
        PackageStore store = PackageStore.open(root);
        Files.writeString(root.resolve("blocked"), "a file where the package folder belongs");

        assertThatThrownBy(() -> store.writeTarball(PackageName.parse("blocked"), "blocked-1.0.0.tgz", new byte[] {1}))
            .isInstanceOf(StorageException.class)
            .hasMessageStartingWith("cannot write blocked-1.0.0.tgz")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain(root.toString()));
    }
}
