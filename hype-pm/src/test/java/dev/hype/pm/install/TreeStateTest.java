package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeStateTest {
    @TempDir
    Path modules;

    private final byte[] key = TreeState.key("{}".getBytes(StandardCharsets.UTF_8),
            "{\"lock\": 1}".getBytes(StandardCharsets.UTF_8), "production=false");
    private final Map<String, Map<String, long[]>> placed = new HashMap<>();

    @BeforeEach
    void tree() throws IOException {
        place("a", "index.lua", "return 1\n");
        place("@s/b", "lib/b.lua", "return 2\n");
    }

    private void place(String name, String file, String text) throws IOException {
        Path path = modules.resolve(name).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        BasicFileAttributes attrs = Files.readAttributes(path, BasicFileAttributes.class);
        placed.computeIfAbsent(name, n -> new HashMap<>()).put(file,
                new long[] {attrs.size(), attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS)});
        Files.writeString(modules.resolve(name).resolve(InstallMarker.FILE_NAME), "{}");
    }

    @Test
    void aWrittenTreeIsUnchangedForTheSameKeyOnly() throws IOException {
        assertThat(TreeState.write(modules, key, placed)).isTrue();
        assertThat(TreeState.unchanged(modules, key)).hasValue(2);
        assertThat(TreeState.unchanged(modules, TreeState.key("{}".getBytes(StandardCharsets.UTF_8),
                "{\"lock\": 2}".getBytes(StandardCharsets.UTF_8), "production=false"))).isEmpty();
        assertThat(TreeState.unchanged(modules, TreeState.key("{}".getBytes(StandardCharsets.UTF_8),
                "{\"lock\": 1}".getBytes(StandardCharsets.UTF_8), "production=true"))).isEmpty();
    }

    @Test
    void keysSeparateTheirParts() {
        assertThat(TreeState.key("ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8), ""))
                .isNotEqualTo(TreeState.key("a".getBytes(StandardCharsets.UTF_8),
                        "bc".getBytes(StandardCharsets.UTF_8), ""));
    }

    @Test
    void anyChangeToTheTreeIsSeen() throws IOException {
        TreeState.write(modules, key, placed);
        Files.writeString(modules.resolve("@s/b/lib/c.lua"), "x");
        assertThat(TreeState.unchanged(modules, key)).isEmpty();
        Files.delete(modules.resolve("@s/b/lib/c.lua"));
        Files.setLastModifiedTime(modules.resolve("@s/b/lib"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(TreeState.unchanged(modules, key)).as("the folder's time changed").isEmpty();

        TreeState.write(modules, key, placed);
        Files.writeString(modules.resolve("top.txt"), "x");
        assertThat(TreeState.unchanged(modules, key)).as("a name added at the top").isEmpty();
    }

    @Test
    void aFileNotAsPlacedLeavesNoMarker() throws IOException {
        TreeState.write(modules, key, placed);
        Files.writeString(modules.resolve("a/index.lua"), "return 100\n");
        assertThat(TreeState.write(modules, key, placed)).isFalse();
        assertThat(modules.resolve(TreeState.FILE_NAME)).doesNotExist();

        Files.writeString(modules.resolve("a/index.lua"), "return 1\n");
        Files.writeString(modules.resolve("a/unknown.lua"), "x");
        placed.get("a").remove("unknown.lua");
        assertThat(TreeState.write(modules, key, Map.of("@s/b", placed.get("@s/b")))).as("a package not placed")
                .isFalse();
    }

    @Test
    void namesThatCannotBeRecordedLeaveNoMarker() throws IOException {
        Files.writeString(modules.resolve(".bin-note\tx"), "x");
        assertThat(TreeState.write(modules, key, placed)).isFalse();
        assertThat(TreeState.unchanged(modules, key)).isEmpty();
    }

    @Test
    void malformedMarkersAreNotTrusted() throws IOException {
        TreeState.write(modules, key, placed);
        Path marker = modules.resolve(TreeState.FILE_NAME);
        String good = Files.readString(marker);
        for (String bad : new String[] {"", "hype-installed 1\n", good.replace("packages 2", "packages x"),
            good.replace("packages 2", "pkgs 2"), good.replaceFirst("\nd\t", "\nd\tx\t"), good + "f\t1\n",
            good.replace("key " + key.length, "key " + (key.length - 1))}) {
            Files.writeString(marker, bad);
            assertThat(TreeState.unchanged(modules, key)).as(bad).isEmpty();
        }
        TreeState.forget(modules);
        assertThat(marker).doesNotExist();
    }
}
