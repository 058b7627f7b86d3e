package dev.hype.cli.test;

import dev.hype.runtime.testing.CoverageReport;
import dev.hype.runtime.testing.FileCoverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Render a coverage report as a table: file, percentage, lines hit of found, missed lines. */
final class CoverageText {
    private CoverageText() {
    }

    static String render(CoverageReport report) {
        int width = "all files".length();
        for (FileCoverage f : report.files()) {
            width = Math.max(width, f.displayName().length());
        }
        StringBuilder out = new StringBuilder("\nCoverage:\n");
        for (FileCoverage f : report.files()) {
            out.append(row(f.displayName(), width, f.percent(), f.linesHit(), f.linesFound()));
            String missed = missed(f);
            if (!missed.isEmpty()) {
                out.append("  missed ").append(missed);
            }
            out.append('\n');
        }
        out.append(row("all files", width, report.percent(), report.linesHit(), report.linesFound())).append('\n');
        return out.toString();
    }

    private static String row(String name, int width, double percent, int hit, int found) {
        return String.format(Locale.ROOT, "  %-" + width + "s  %6.1f%%  %d/%d lines", name, percent, hit, found);
    }

    /** Return the lines that never ran, as ranges: {@code 4, 7-9}. */
    static String missed(FileCoverage file) {
        List<String> ranges = new ArrayList<>();
        int start = -1;
        int previous = -1;
        for (var entry : file.hits().entrySet()) {
            if (entry.getValue() > 0) {
                continue;
            }
            int line = entry.getKey();
            if (start >= 0 && isNextExecutable(file, previous, line)) {
                previous = line;
                continue;
            }
            if (start >= 0) {
                ranges.add(start == previous ? String.valueOf(start) : start + "-" + previous);
            }
            start = line;
            previous = line;
        }
        if (start >= 0) {
            ranges.add(start == previous ? String.valueOf(start) : start + "-" + previous);
        }
        return String.join(", ", ranges);
    }

    /** Two missed lines join a range when no executable line lies between them. */
    private static boolean isNextExecutable(FileCoverage file, int previous, int line) {
        return file.hits().subMap(previous + 1, line).isEmpty();
    }
}
