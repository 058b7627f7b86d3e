package dev.hype.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Locate the shared corpus of real Lua code ({@code CHECKOUT/../shared/corpus}, present beside
 * the checkout in CI), and copy parts of it into a test's folder: several suites write files next
 * to themselves, and the corpus is read-only. Nothing of it is copied into the project.
 */
final class Corpus {
    private Corpus() {
    }

    /**
     * Return the corpus folder: {@code ../shared/corpus} beside the checkout, or beside the folder
     * holding it (a git worktree in {@code wt/NAME}); skip the calling test, saying why, when
     * neither exists.
     */
    static Path root() {
        Path checkout = Hype.checkout();
        Path corpus = checkout.resolve("../shared/corpus").normalize();
        if (!Files.isDirectory(corpus)) {
            corpus = checkout.resolve("../../shared/corpus").normalize();
        }
        assumeTrue(Files.isDirectory(corpus), "skipped: the Lua corpus " + checkout.resolve("../shared/corpus").normalize()
                + " is absent (a clone without ../shared)");
        return corpus;
    }

    /** Skip the calling test unless {@code file} exists (scripts/install-test-tools.sh installs it). */
    static Path tool(String file) {
        Path path = Path.of(file);
        assumeTrue(Files.exists(path), "skipped: " + file + " is not installed (scripts/install-test-tools.sh installs it)");
        return path;
    }

    /** Copy {@code part} of the corpus (a folder) to {@code target}; return the copy. */
    static Path copy(String part, Path target) {
        Path source = root().resolve(part);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    to.toFile().setWritable(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
