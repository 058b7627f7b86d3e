package dev.hype.pm.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Say what {@link Store#verify} found.
 *
 * @param checked how many entries were checked
 * @param damaged the entries that are damaged or incomplete
 * @param removed whether the damaged entries were removed (so that the next install fetches them again)
 */
public record StoreVerification(int checked, List<Damage> damaged, boolean removed) {
    /** Copy the list. */
    public StoreVerification {
        damaged = List.copyOf(damaged);
    }

    /** Tell whether every entry checked out. */
    public boolean ok() {
        return damaged.isEmpty();
    }

    /**
     * Describe one damaged entry.
     *
     * @param integrity the entry's tarball integrity
     * @param directory the entry's directory
     * @param problems what is wrong, one sentence each, such as {@code index.lua was modified}
     */
    public record Damage(String integrity, Path directory, List<String> problems) {
        /** Copy the list. */
        public Damage {
            problems = List.copyOf(problems);
        }
    }
}
