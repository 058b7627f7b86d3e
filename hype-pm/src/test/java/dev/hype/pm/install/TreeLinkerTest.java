package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
