package dev.hype.pm.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Ask git whether a package directory has changes that are not committed. */
final class WorkTree {
    private WorkTree() {
    }

    /**
     * Return the uncommitted changes under {@code directory} that matter for a publish: every change to a tracked
     * file, and untracked files only when they are among {@code packedFiles} (paths relative to {@code directory}).
     * Empty when {@code directory} is not in a git work tree or git is not installed.
     */
    static Optional<List<String>> uncommittedChanges(Path directory, Collection<String> packedFiles) {
        Optional<String> prefix = git(directory, "rev-parse", "--show-prefix").map(String::strip);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        return git(directory, "status", "--porcelain", "--untracked-files=all", "--", ".").map(out -> {
            List<String> changes = new ArrayList<>();
            for (String line : out.lines().filter(l -> l.length() > 3).toList()) {
                String path = line.substring(3);
                String relative = path.startsWith(prefix.get()) ? path.substring(prefix.get().length()) : path;
                if (!line.startsWith("??") || packedFiles.contains(relative)) {
                    changes.add(line.strip());
                }
            }
            return changes;
        });
    }

    private static Optional<String> git(Path directory, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            process.getErrorStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
