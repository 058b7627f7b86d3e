package dev.hype.runtime.testing;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Line coverage of one source file.
 *
 * @param path        the absolute path
 * @param displayName the path relative to the package root
 * @param hits        for each executable line, how many times it ran (0 when it never did)
 */
public record FileCoverage(Path path, String displayName, SortedMap<Integer, Long> hits) {

    /** Copy the map on the way in. */
    public FileCoverage {
        hits = Collections.unmodifiableSortedMap(new TreeMap<>(hits));
    }

    /** Return the number of executable lines (LCOV's LF). */
    public int linesFound() {
        return hits.size();
    }

    /** Return the number of lines that ran (LCOV's LH). */
    public int linesHit() {
        return (int) hits.values().stream().filter(c -> c > 0).count();
    }

    /** Return the share of executable lines that ran, as a percentage; 100 for a file with none. */
    public double percent() {
        return linesFound() == 0 ? 100.0 : 100.0 * linesHit() / linesFound();
    }
}
