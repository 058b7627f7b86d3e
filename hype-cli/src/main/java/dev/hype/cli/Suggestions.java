package dev.hype.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Find the names a mistyped command or option was probably meant to be, for "did you mean" hints.
 *
 * <p>A candidate is close when the optimal string alignment distance (Levenshtein plus swapped
 * neighbours) is at most a third of the word's length (at least 1, at most 3), or when the word is
 * a prefix of it of three or more characters, as Cargo's and git's suggestions allow.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** Return the candidates close to {@code word}, closest first; empty when none is. */
    static List<String> closest(String word, Collection<String> candidates) {
        String bare = word.replaceFirst("^-+", "");
        int limit = Math.clamp(bare.length() / 3, 1, 3);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String name = candidate.replaceFirst("^-+", "");
            if (candidate.equals(word) || name.isEmpty()) {
                continue;
            }
            int distance = distance(bare, name);
            if (distance <= limit) {
                scored.add(new Scored(candidate, distance));
            } else if (bare.length() >= 3 && name.startsWith(bare)) {
                scored.add(new Scored(candidate, limit + 1));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
                .map(Scored::name).distinct().toList();
    }

    /** Return the optimal string alignment distance between {@code a} and {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
