package dev.hype.pm.pack;

import java.nio.file.Path;

/**
 * Check one Lua source file before it goes into a tarball.
 *
 * <p>The runtime supplies an implementation that compiles each {@code .lua} file and throws a
 * {@link dev.hype.runtime.HypeException} naming the file and line when it does not compile. The
 * {@link Packer} calls it once per {@code .lua} file it selects, in entry order.
 */
@FunctionalInterface
public interface SourceChecker {

    /**
     * Check {@code file}, known in the tarball as {@code entryPath} (relative, {@code /}-separated);
     * throw to stop packing.
     */
    void check(Path file, String entryPath);

    /**
     * Return a checker that accepts every file. Meant for tests and for tools that pack
     * tarballs they did not write; the {@code hype pkg pack} and {@code publish} commands must
     * pass the runtime's compiling checker instead.
     */
    static SourceChecker acceptAll() {
        return (file, entryPath) -> { };
    }
}
