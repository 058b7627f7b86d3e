package dev.hype.pm.ops;

/**
 * Say what to search for.
 *
 * @param query the words to look for
 * @param limit the most results to return
 */
public record SearchOptions(String query, int limit) {
}
