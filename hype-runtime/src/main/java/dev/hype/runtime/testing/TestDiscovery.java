package dev.hype.runtime.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Find a package's test files: the paths given, else the {@code test} globs of {@code hype.json},
 * else {@code test/**}{@code /*_test.lua}, {@code test/**}{@code /*.test.lua} and
 * {@code spec/**}{@code /*_spec.lua}. The result is sorted, so runs are deterministic.
 */
public final class TestDiscovery {
    /** The globs used when {@code hype.json} names none. */
    public static final List<String> DEFAULT_GLOBS = List.of("test/**/*_test.lua", "test/**/*.test.lua",
            "spec/**/*_spec.lua");

    private static final List<Glob> TEST_NAMES = List.of(Glob.of("**/*_test.lua"), Glob.of("**/*.test.lua"),
            Glob.of("**/*_spec.lua"));
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("hype_modules", "node_modules");

    private TestDiscovery() {
    }

    /**
     * Return the test files to run.
     *
     * @param root the package root
     * @param base the directory names are shown relative to
     * @param args files or directories from the command line, relative to {@code base}; empty for all
     */
    public static List<TestFile> discover(Path root, Path base, List<String> args) {
        return discover(root, base, args, BustedConfig.none());
    }

    /**
     * Return the test files to run; without paths and without {@code test} globs in
     * {@code hype.json}, a {@code .busted} file's {@code ROOT} and {@code pattern} choose them.
     */
    public static List<TestFile> discover(Path root, Path base, List<String> args, BustedConfig busted) {
        Map<Path, TestFile> found = new LinkedHashMap<>();
        if (args.isEmpty() && manifestGlobs(root).isEmpty() && busted.choosesFiles()) {
            List<String> roots = busted.roots().isEmpty() ? List.of("spec") : busted.roots();
            List<Path> candidates = new ArrayList<>();
            for (String r : roots) {
                Path dir = root.resolve(r).normalize();
                if (Files.isDirectory(dir)) {
                    candidates.addAll(walk(dir));
                } else if (Files.isRegularFile(dir)) {
                    candidates.add(dir);
                }
            }
            List<Boolean> kept = busted.matchNames(candidates.stream().map(p -> p.getFileName().toString()).toList());
            for (int i = 0; i < candidates.size(); i++) {
                if (kept.get(i)) {
                    found.put(candidates.get(i), testFile(candidates.get(i), base));
                }
            }
        } else if (args.isEmpty()) {
            List<Glob> globs = globs(root).stream().map(Glob::of).toList();
            for (Path file : walk(root)) {
                String relative = slashes(root.relativize(file));
                if (globs.stream().anyMatch(g -> g.matches(relative))) {
                    found.put(file, testFile(file, base));
                }
            }
        } else {
            for (String arg : args) {
                Path path = base.resolve(arg).toAbsolutePath().normalize();
                if (Files.isDirectory(path)) {
                    for (Path file : walk(path)) {
                        String relative = slashes(path.relativize(file));
                        if (TEST_NAMES.stream().anyMatch(g -> g.matches(relative))) {
                            found.put(file, testFile(file, base));
                        }
                    }
                } else if (Files.isRegularFile(path)) {
                    found.put(path, testFile(path, base));
                } else {
                    throw new HypeException("E_TEST_NOT_FOUND", "no test file or directory at " + arg,
                            List.of("give a .lua file or a directory of *_test.lua / *_spec.lua files"));
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(TestFile::displayName)).toList();
    }

    /** Return the {@code test} globs of the package's {@code hype.json}, or the defaults. */
    static List<String> globs(Path root) {
        return manifestGlobs(root).orElse(DEFAULT_GLOBS);
    }

    /** Return the {@code test} globs of the package's {@code hype.json}, if it names any. */
    static Optional<List<String>> manifestGlobs(Path root) {
        Path manifest = root.resolve("hype.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new HypeException("E_MANIFEST_INVALID", manifest + " is not valid JSON: " + e.getMessage(), List.of());
        }
        JsonNode test = json == null ? null : json.get("test");
        if (test == null || test.isNull()) {
            return Optional.empty();
        }
        if (test.isTextual()) {
            return Optional.of(List.of(test.asText()));
        }
        if (test.isArray() && !test.isEmpty()) {
            List<String> globs = new ArrayList<>();
            for (JsonNode item : test) {
                if (!item.isTextual()) {
                    throw invalidTestField(manifest);
                }
                globs.add(item.asText());
            }
            return Optional.of(globs);
        }
        throw invalidTestField(manifest);
    }

    private static HypeException invalidTestField(Path manifest) {
        return new HypeException("E_MANIFEST_INVALID", manifest + ": field 'test' must be a glob or a list of globs",
                List.of("for example \"test\": [\"test/**/*_test.lua\"]"));
    }

    static TestFile testFile(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path normalBase = base.toAbsolutePath().normalize();
        String display = absolute.startsWith(normalBase) ? slashes(normalBase.relativize(absolute)) : absolute.toString();
        return new TestFile(absolute, display);
    }

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static List<Path> walk(Path dir) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir.toAbsolutePath().normalize(), new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    boolean skip = !d.equals(dir.toAbsolutePath().normalize())
                            && (SKIPPED_DIRECTORIES.contains(name) || name.startsWith("."));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && f.toString().endsWith(".lua")) {
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
