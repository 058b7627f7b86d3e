package dev.hype.pm.store;

/**
 * Say what {@link Store#prune} removed.
 *
 * @param removed entries removed because no project links them
 * @param incomplete entries removed because they were incomplete (no {@code package/} folder or no index)
 * @param temporary leftovers of killed installs removed from {@code v1/tmp/}
 * @param kept entries kept because a project links them
 * @param bytes the size of the files removed
 * @param linkCountsKnown whether the filesystem reports link counts; without them no complete entry is removed
 */
public record StorePruning(int removed, int incomplete, int temporary, int kept, long bytes, boolean linkCountsKnown) {
}
