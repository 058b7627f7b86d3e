package dev.hype.pm.ops;

import java.util.Objects;

/**
 * Say what to do with a package's dist-tags.
 *
 * @param action list, add or remove
 * @param spec {@code NAME} (list, remove) or {@code NAME@VERSION} (add)
 * @param tag the tag to add or remove; {@code null} for list
 */
public record DistTagOptions(Action action, String spec, String tag) {
    /** Check the required parts. */
    public DistTagOptions {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(spec, "spec");
    }

    /** What to do. */
    public enum Action {
        /** List the tags. */
        LIST,
        /** Point a tag at a version. */
        ADD,
        /** Remove a tag. */
        REMOVE
    }
}
