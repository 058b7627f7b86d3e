package dev.hype.runtime.testing;

import java.util.List;

/**
 * Line coverage of a package's own files that the tests loaded, sorted by name.
 *
 * @param files one entry per file
 */
public record CoverageReport(List<FileCoverage> files) {

    /** Copy the list on the way in. */
    public CoverageReport {
        files = List.copyOf(files);
    }

    /** Return the executable lines of all files. */
    public int linesFound() {
        return files.stream().mapToInt(FileCoverage::linesFound).sum();
    }

    /** Return the lines that ran, over all files. */
    public int linesHit() {
        return files.stream().mapToInt(FileCoverage::linesHit).sum();
    }

    /** Return the share of lines that ran, as a percentage. */
    public double percent() {
        return linesFound() == 0 ? 100.0 : 100.0 * linesHit() / linesFound();
    }

    /** Return the report in LCOV's tracefile format (TN, SF, DA, LF, LH, end_of_record). */
    public String toLcov() {
        StringBuilder out = new StringBuilder();
        for (FileCoverage file : files) {
            out.append("TN:\n");
            out.append("SF:").append(file.path()).append('\n');
            file.hits().forEach((line, count) -> out.append("DA:").append(line).append(',').append(count).append('\n'));
            out.append("LF:").append(file.linesFound()).append('\n');
            out.append("LH:").append(file.linesHit()).append('\n');
            out.append("end_of_record\n");
        }
        return out.toString();
    }
}
