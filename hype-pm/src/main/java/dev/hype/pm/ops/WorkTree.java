package dev.hype.pm.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Ask git whether a directory has uncommitted changes. */
final class WorkTree {
    private WorkTree() {
    }

    /**
     * Return the {@code git status --porcelain} lines for {@code directory}, or empty when it is not in a git work
     * tree or git is not installed.
     */
    static Optional<List<String>> uncommittedChanges(Path directory) {
        ProcessBuilder builder = new ProcessBuilder("git", "status", "--porcelain", "--", ".")
            .directory(directory.toFile()).redirectErrorStream(false);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            if (process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
