package dev.hype.pm.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Choose which files of a project go into its tarball.
 *
 * <p>Never: {@code .git}, {@code hype_modules}, {@code node_modules}, {@code *.tgz}, lockfiles, symbolic
 * links and other non-regular files, and the ignore files themselves. Always: {@code hype.json}, {@code package.json},
 * {@code README*}, {@code LICENSE*} and {@code LICENCE*} at the root. Otherwise, when the
 * manifest has a {@code files} list, what it selects; else everything that {@code .hypeignore}
 * (or, when that is absent, {@code .gitignore}) at the root does not exclude.
 */
final class FileSelector {

    private static final Set<String> NEVER_DIRECTORIES = Set.of(".git", ".hg", ".svn", "hype_modules", "node_modules");
    private static final Set<String> NEVER_FILES = Set.of(".DS_Store", ".npmrc", ".gitignore", ".hypeignore",
        ".npmignore", "hype-debug.log", "npm-debug.log", "hype-lock.json", "package-lock.json");

    private final Path root;
    private final PathRules filesList;
    private final PathRules ignoreRules;

    private FileSelector(Path root, PathRules filesList, PathRules ignoreRules) {
        this.root = root;
        this.filesList = filesList;
        this.ignoreRules = ignoreRules;
    }

    /**
     * Create a selector for {@code root}.
     *
     * @param files the manifest's {@code files} list, or {@code null} when it has none
     */
    static FileSelector of(Path root, List<String> files) throws IOException {
        PathRules ignore = PathRules.none();
        if (files == null) {
            Path hypeignore = root.resolve(".hypeignore");
            Path gitignore = root.resolve(".gitignore");
            if (Files.isRegularFile(hypeignore)) {
                ignore = PathRules.parse(Files.readAllLines(hypeignore, StandardCharsets.UTF_8));
            } else if (Files.isRegularFile(gitignore)) {
                ignore = PathRules.parse(Files.readAllLines(gitignore, StandardCharsets.UTF_8));
            }
        }
        return new FileSelector(root, files == null ? null : PathRules.parseAnchored(files), ignore);
    }

    /** Return the selected files as sorted, {@code /}-separated paths relative to the root. */
    List<String> select() throws IOException {
        List<String> selected = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = relative(dir);
                    if (NEVER_DIRECTORIES.contains(dir.getFileName().toString())
                        || ignoreRules.verdict(path, true).orElse(false)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && takes(relative(file))) {
                        selected.add(relative(file));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        selected.sort(null);
        return selected;
    }

    private boolean takes(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (NEVER_FILES.contains(name) || name.toLowerCase(Locale.ROOT).endsWith(".tgz")) {
            return false;
        }
        if (!path.contains("/") && isAlwaysIncluded(name)) {
            return true;
        }
        if (filesList != null) {
            return filesList.verdictWithParents(path).orElse(false);
        }
        return !ignoreRules.verdict(path, false).orElse(false);
    }

    private static boolean isAlwaysIncluded(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.equals("hype.json") || name.equals("package.json")
            || lower.startsWith("readme") || lower.startsWith("license") || lower.startsWith("licence");
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
