package dev.hype.pm.ops;

import java.util.Objects;

/**
 * Say what to unpublish.
 *
 * @param spec {@code NAME@VERSION}, or {@code NAME} for the whole package
 * @param force whether to remove the whole package or its last version
 */
public record UnpublishOptions(String spec, boolean force) {
    /** Check the spec is given. */
    public UnpublishOptions {
        Objects.requireNonNull(spec, "spec");
    }
}
