package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathCanonTest {
    @TempDir
    Path temp;
    Path root;

    @BeforeEach
    void root() throws IOException {
        root = temp.toRealPath();
    }

    @Test
    void existingPathIsItsRealPath() throws IOException {
        Path file = Files.createDirectories(root.resolve("a/b")).resolve("f");
        Files.writeString(file, "x");
        assertThat(PathCanon.canonical(root.resolve("a/./b/../b/f"))).isEqualTo(file);
    }

    @Test
    void missingPathIsNormalised() {
        assertThat(PathCanon.canonical(root.resolve("x/../y/./z"))).isEqualTo(root.resolve("y/z"));
    }

    @Test
    void linkIsFollowed() throws IOException {
        Path target = Files.writeString(root.resolve("target"), "x");
        Files.createSymbolicLink(root.resolve("link"), target);
        assertThat(PathCanon.canonical(root.resolve("link"))).isEqualTo(target);
    }

    @Test
    void danglingLinkIsFollowedToWhereACreateWouldWrite() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(root.resolve("granted"));
        Files.createSymbolicLink(root.resolve("granted/dangling"), outside.resolve("new.txt"));
        assertThat(PathCanon.canonical(root.resolve("granted/dangling"))).isEqualTo(outside.resolve("new.txt"));
    }

    @Test
    void relativeLinkTargetIsResolvedFromTheLinksDirectory() throws IOException {
        Files.createDirectories(root.resolve("granted"));
        Files.createSymbolicLink(root.resolve("granted/up"), Path.of("../secret.txt"));
        assertThat(PathCanon.canonical(root.resolve("granted/up"))).isEqualTo(root.resolve("secret.txt"));
    }

    @Test
    void dotDotAfterALinkAppliesToTheLinksTarget() throws IOException {
        Path outside = Files.createDirectories(root.resolve("far/outside"));
        Files.createDirectories(root.resolve("granted"));
        Files.createSymbolicLink(root.resolve("granted/linked-dir"), outside);
        // Lexically granted/linked-dir/../x is granted/x; the OS opens far/x.
        assertThat(PathCanon.canonical(root.resolve("granted/linked-dir/../x"))).isEqualTo(root.resolve("far/x"));
    }

    @Test
    void missingFileUnderALinkedDirectoryIsUnderTheTarget() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(root.resolve("linked-dir"), outside);
        assertThat(PathCanon.canonical(root.resolve("linked-dir/new/deeper.txt")))
                .isEqualTo(outside.resolve("new/deeper.txt"));
    }

    @Test
    void linkLoopHasNoCanonicalForm() throws IOException {
        Files.createSymbolicLink(root.resolve("a"), root.resolve("b"));
        Files.createSymbolicLink(root.resolve("b"), root.resolve("a"));
        assertThat(PathCanon.canonical(root.resolve("a/file"))).isNull();
    }
}
