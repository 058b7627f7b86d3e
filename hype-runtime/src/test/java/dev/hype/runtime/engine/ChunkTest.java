package dev.hype.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkTest {
    @TempDir
    Path temp;

    @AfterEach
    void clearSourcesDirectory() {
        System.clearProperty(Chunk.SOURCES_PROPERTY);
    }

    /** The text, without the empty lines before it when coverage of Hype's own Lua is on (LuaCoverage). */
    private static String text(Chunk chunk) {
        return new String(chunk.source(), StandardCharsets.UTF_8).stripLeading();
    }

    @Test
    void readsABundledSourceFromTheClassPath() {
        Chunk prelude = Chunk.ofResource(LuaEngine.class, "prelude.lua", "=[hype]");

        assertThat(prelude.chunkName()).isEqualTo("=[hype]");
        assertThat(text(prelude)).contains("deadline_passed");
    }

    @Test
    void prefersTheFileInTheSourcesDirectory() throws IOException {
        Path file = temp.resolve("dev/hype/runtime/engine/prelude.lua");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "return 'unpacked'");
        System.setProperty(Chunk.SOURCES_PROPERTY, temp.toString());

        assertThat(text(Chunk.ofResource(LuaEngine.class, "prelude.lua", "=[hype]"))).isEqualTo("return 'unpacked'");
    }

    @Test
    void fallsBackToTheClassPathWhenTheDirectoryLacksTheFile() {
        System.setProperty(Chunk.SOURCES_PROPERTY, temp.toString());

        assertThat(text(Chunk.ofResource(LuaEngine.class, "prelude.lua", "=[hype]"))).contains("deadline_passed");
    }

    @Test
    void aSourceMissingEverywhereIsAnError() {
        System.setProperty(Chunk.SOURCES_PROPERTY, temp.toString());

        assertThatThrownBy(() -> Chunk.ofResource(LuaEngine.class, "missing.lua", "=missing"))
                .isInstanceOf(IllegalStateException.class).hasMessage("missing.lua is missing from the distribution");
    }
}
