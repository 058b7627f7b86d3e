package dev.hype.pm.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeTheUmaskAllows() throws IOException {
        Path file = dir.resolve("hype-lock.json");

        AtomicWrite.write(file, bytes("{}"));

        assertThat(file).hasContent("{}");
        assertThat(FileModes.bits(Files.getPosixFilePermissions(file))).isEqualTo(0666 & ~FileModes.umask());
        assertThat(names()).containsExactly("hype-lock.json");
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
        Path file = dir.resolve("hype.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicWrite.writeDurably(file, bytes("new"));

        assertThat(file).hasContent("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectories(dir.resolve("occupied"));
        Files.writeString(target.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicWrite.write(target, bytes("{}"))).isInstanceOf(IOException.class);

        assertThat(names()).containsExactly("occupied");
        assertThat(AtomicWrite.isTemporaryFor(".hype.json.123.tmp", "hype.json")).isTrue();
        assertThat(AtomicWrite.isTemporaryFor(".hype-lock.json.123.tmp", "hype.json")).isFalse();
    }

    @Test
    void staleTemporaryFilesOfATargetAreRemoved() throws IOException {
        Path old = Files.writeString(dir.resolve(".app-1.0.0.tgz.111.tmp"), "killed");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(0));
        Path fresh = Files.writeString(dir.resolve(".app-1.0.0.tgz.222.tmp"), "in flight");
        Path other = Files.writeString(dir.resolve(".other.tgz.333.tmp"), "not ours");
        Files.setLastModifiedTime(other, java.nio.file.attribute.FileTime.fromMillis(0));

        AtomicWrite.removeStale(dir.resolve("app-1.0.0.tgz"), 60_000);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(other).exists();
    }

    @Test
    void modesComeFromTheUmask() {
        assertThat(FileModes.bits(FileModes.fromBits(0754))).isEqualTo(0754);
        assertThat(FileModes.bits(FileModes.readOnly(true))).isEqualTo(0555 & ~FileModes.umask());
        assertThat(FileModes.bits(FileModes.directory())).isEqualTo(0777 & ~FileModes.umask());
    }

    private Stream<String> namesStream() throws IOException {
        return Files.list(dir).map(p -> p.getFileName().toString());
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<String> names = namesStream()) {
            return names.toList();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
