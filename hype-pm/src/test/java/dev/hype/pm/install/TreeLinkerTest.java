package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hype.pm.store.FileRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeLinkerTest {
    @TempDir
    Path temp;

    @Test
    void hardLinkWithinOneFilesystem() throws IOException {
        Path source = temp.resolve("src");
        Files.createDirectories(source.resolve("lib"));
        Files.writeString(source.resolve("lib/a.lua"), "return 1\n");

        new TreeLinker().linkTree(source, temp.resolve("dst"));

        assertThat(Files.isSameFile(source.resolve("lib/a.lua"), temp.resolve("dst/lib/a.lua"))).isTrue();
    }

    @Test
    void linkFromAnIndexPlacesTheFilesItNamesWithTheirRecordedStamps() throws IOException {
        Path source = temp.resolve("src");
        Files.createDirectories(source.resolve("lib/deep"));
        Files.writeString(source.resolve("lib/deep/a.lua"), "return 1\n");
        Files.writeString(source.resolve("hype.json"), "{}");
        Files.writeString(source.resolve("stray.txt"), "not in the index");
        Map<String, FileRecord> records = new TreeMap<>();
        for (String path : List.of("lib/deep/a.lua", "hype.json")) {
            Path file = source.resolve(path);
            records.put(path, new FileRecord("sha512-x", Files.size(file),
                    Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS), null, false));
        }

        Map<String, long[]> placed = new TreeLinker().linkIndexed(source, records, temp.resolve("dst"));

        assertThat(Files.isSameFile(source.resolve("lib/deep/a.lua"), temp.resolve("dst/lib/deep/a.lua"))).isTrue();
        assertThat(temp.resolve("dst/hype.json")).content().isEqualTo("{}");
        assertThat(temp.resolve("dst/stray.txt")).doesNotExist();
        assertThat(placed).containsOnlyKeys("lib/deep/a.lua", "hype.json");
        assertThat(placed.get("lib/deep/a.lua")).containsExactly(records.get("lib/deep/a.lua").size(),
                records.get("lib/deep/a.lua").modified());
    }

    @Test
    void copyWhereLinksFailAcrossFilesystems() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(temp)), "needs a second filesystem");
        Path source = Files.createTempDirectory(shm, "hype-linker-");
        try {
            Files.writeString(source.resolve("a.lua"), "return 1\n");

            new TreeLinker().linkTree(source, temp.resolve("dst"));

            assertThat(temp.resolve("dst/a.lua")).content().isEqualTo("return 1\n");
            assertThat(Files.getAttribute(temp.resolve("dst/a.lua"), "unix:nlink")).isEqualTo(1);
        } finally {
            dev.hype.pm.files.Trees.delete(source);
        }
    }
}
