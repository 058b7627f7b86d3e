package dev.hype.runtime.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The report of Hype's own Lua coverage, for Hype's test build (scripts/coverage.sh): merges the
 * files that processes run with {@code HYPE_LUA_COVERAGE=DIR} wrote to {@code DIR} (LCOV records
 * naming resource paths such as {@code dev/hype/runtime/modules/modules.lua}) over every
 * {@code .lua} source under the given resource directories, and counts as executable the lines
 * {@code hype test --coverage} counts: those the compiled code covers.
 */
public final class RuntimeLuaCoverage {
    private RuntimeLuaCoverage() {
    }

    /**
     * Merge the counts in {@code dataDirectory} over the sources under {@code sourceRoots}.
     *
     * @param unknown receives the resource paths that have counts but no source under the roots
     */
    public static CoverageReport report(Path dataDirectory, List<Path> sourceRoots, List<String> unknown) {
        Map<String, Map<Integer, Long>> hits = readHits(dataDirectory);
        Map<String, Path> sources = sources(sourceRoots);
        hits.keySet().stream().filter(path -> !sources.containsKey(path)).sorted().forEach(unknown::add);
        List<String> names = new ArrayList<>(sources.keySet());
        List<SortedSet<Integer>> executable = CoverageCollector.executableLines(names.stream().map(sources::get).toList());
        List<FileCoverage> files = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            SortedSet<Integer> lines = executable.get(i);
            SortedMap<Integer, Long> counts = new TreeMap<>();
            lines.forEach(line -> counts.put(line, 0L));
            hits.getOrDefault(names.get(i), Map.of()).forEach((line, count) -> {
                if (lines.contains(line)) {
                    counts.put(line, count);
                }
            });
            files.add(new FileCoverage(sources.get(names.get(i)), names.get(i), counts));
        }
        return new CoverageReport(files);
    }

    /** Sum the counts of every {@code *.info} file in {@code directory}, by resource path and line. */
    static Map<String, Map<Integer, Long>> readHits(Path directory) {
        Map<String, Map<Integer, Long>> hits = new HashMap<>();
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".info")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        for (Path file : files) {
            Map<Integer, Long> current = null;
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            for (String line : lines) {
                if (line.startsWith("SF:")) {
                    current = hits.computeIfAbsent(line.substring(3), k -> new HashMap<>());
                } else if (line.startsWith("DA:") && current != null) {
                    int comma = line.indexOf(',');
                    try {
                        current.merge(Integer.parseInt(line.substring(3, comma)), Long.parseLong(line.substring(comma + 1)),
                                Long::sum);
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException(file + ": not a line count: " + line, e);
                    }
                }
            }
        }
        return hits;
    }

    /** Every {@code .lua} file under the roots but examples of tests ({@code *_test.lua}), by path from its root. */
    private static Map<String, Path> sources(List<Path> roots) {
        Map<String, Path> sources = new TreeMap<>();
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            try (Stream<Path> walk = Files.walk(absolute)) {
                walk.filter(p -> p.toString().endsWith(".lua") && !p.toString().endsWith("_test.lua")
                                && Files.isRegularFile(p))
                        .forEach(p -> sources.putIfAbsent(TestDiscovery.slashes(absolute.relativize(p)), p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root, e);
            }
        }
        return sources;
    }

    /** Print the total and each file's figure, most lines missed first. */
    static void print(CoverageReport report, PrintStream out) {
        out.printf("coverage (Lua, runtime's own Lua): lines %.1f%% (%d of %d)%n", report.percent(), report.linesHit(),
                report.linesFound());
        report.files().stream()
                .sorted(Comparator.comparingInt((FileCoverage f) -> f.linesHit() - f.linesFound())
                        .thenComparing(FileCoverage::displayName))
                .forEach(f -> out.printf("  %5.1f%% %5d of %5d  %s%n", f.percent(), f.linesHit(), f.linesFound(),
                        f.displayName()));
    }

    /**
     * {@code DATA_DIRECTORY LCOV_FILE SOURCE_ROOT...}: print the report and write it as LCOV.
     * Exits 2 on bad arguments, 1 when there is no data.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: RuntimeLuaCoverage DATA_DIRECTORY LCOV_FILE SOURCE_ROOT...");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        if (!Files.isDirectory(data) || readHits(data).isEmpty()) {
            System.err.println("coverage (Lua): no line counts in " + data
                    + " (the suite writes them when hype.lua.coverage / HYPE_LUA_COVERAGE is set)");
            System.exit(1);
        }
        List<Path> roots = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            roots.add(Path.of(args[i]));
        }
        List<String> unknown = new ArrayList<>();
        CoverageReport report = report(data, roots, unknown);
        print(report, System.out);
        for (String path : unknown) {
            System.err.println("coverage (Lua): not reported, under none of the source roots: " + path);
        }
        Path lcov = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(lcov.getParent());
        Path temp = lcov.resolveSibling(lcov.getFileName() + ".tmp");
        Files.writeString(temp, report.toLcov(), StandardCharsets.UTF_8);
        Files.move(temp, lcov, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("  LCOV: " + lcov);
    }
}
