package dev.hype.runtime.testing;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Merge the line hits every test file's runtime reports, then turn them into a report of the
 * package's own files: not test files, not {@code test/}, {@code spec/}, {@code hype_modules/}.
 */
final class CoverageCollector {
    private static final Set<String> EXCLUDED_SEGMENTS = Set.of("hype_modules", "node_modules");
    private static final Set<String> EXCLUDED_TOP = Set.of("test", "tests", "spec", "specs");

    private final Map<String, Map<Integer, Long>> hitsBySource = new ConcurrentHashMap<>();

    /** Add hits for a chunk source: {@code encoded} is {@code line=count;line=count...}. */
    void record(String source, String encoded) {
        Map<Integer, Long> lines = hitsBySource.computeIfAbsent(source, k -> new ConcurrentHashMap<>());
        for (String pair : encoded.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                lines.merge(Integer.parseInt(pair.substring(0, eq)), Long.parseLong(pair.substring(eq + 1)), Long::sum);
            }
        }
    }

    /** Build the report; runs a small runtime on the calling thread to find executable lines. */
    CoverageReport report(Path packageRoot, Path base, List<Path> testFiles) {
        Path root = packageRoot.toAbsolutePath().normalize();
        Set<Path> tests = new HashSet<>(testFiles);
        Map<Path, Map<Integer, Long>> byFile = new HashMap<>();
        hitsBySource.forEach((source, lines) -> {
            Path path = base.toAbsolutePath().resolve(source).normalize();
            if (belongsToPackage(root, path, tests)) {
                Map<Integer, Long> merged = byFile.computeIfAbsent(path, k -> new HashMap<>());
                lines.forEach((line, count) -> merged.merge(line, count, Long::sum));
            }
        });
        List<Path> paths = byFile.keySet().stream().sorted(Comparator.comparing(Path::toString)).toList();
        List<SortedSet<Integer>> executable = executableLines(paths);
        List<FileCoverage> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path path = paths.get(i);
            SortedMap<Integer, Long> hits = new TreeMap<>();
            SortedSet<Integer> lines = executable.get(i);
            lines.forEach(line -> hits.put(line, 0L));
            byFile.get(path).forEach((line, count) -> {
                if (lines.isEmpty() || lines.contains(line)) {
                    hits.put(line, count);
                }
            });
            files.add(new FileCoverage(path, TestDiscovery.slashes(root.relativize(path)), hits));
        }
        return new CoverageReport(files);
    }

    private static boolean belongsToPackage(Path root, Path path, Set<Path> tests) {
        if (!path.startsWith(root) || tests.contains(path) || !Files.isRegularFile(path)) {
            return false;
        }
        Path relative = root.relativize(path);
        if (relative.getNameCount() > 1 && EXCLUDED_TOP.contains(relative.getName(0).toString())) {
            return false;
        }
        for (Path segment : relative) {
            if (EXCLUDED_SEGMENTS.contains(segment.toString())) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".lua") && !name.endsWith("_spec.lua") && !name.endsWith("_test.lua")
                && !name.endsWith(".test.lua");
    }

    /** Compile each file with {@code string.dump} and read the lines its bytecode covers. */
    static List<SortedSet<Integer>> executableLines(List<Path> paths) {
        List<SortedSet<Integer>> result = new ArrayList<>();
        List<byte[]> dumps = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            dumps.add(null);
        }
        Map<String, JavaFunction> natives = new HashMap<>();
        natives.put("count", s -> {
            s.pushInteger(paths.size());
            return 1;
        });
        natives.put("source", s -> {
            try {
                s.pushBytes(Files.readAllBytes(paths.get((int) s.toInteger(1) - 1)));
            } catch (IOException e) {
                s.pushNil();
            }
            return 1;
        });
        natives.put("emit", s -> {
            dumps.set((int) s.toInteger(1) - 1, s.toBytes(2));
            return 0;
        });
        String code = """
                local n = ...
                for i = 1, n.count() do
                  local src = n.source(i)
                  local f = src and load(src, "=source", "t")
                  if f then n.emit(i, string.dump(f)) end
                end
                """;
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, Chunk.ofText(code, "hype coverage"), natives);
        }
        for (byte[] dump : dumps) {
            result.add(dump == null ? new TreeSet<>() : LuaBytecode.activeLines(dump));
        }
        return result;
    }
}
