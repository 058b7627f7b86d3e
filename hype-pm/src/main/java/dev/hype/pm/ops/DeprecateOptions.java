package dev.hype.pm.ops;

import java.util.Objects;

/**
 * Say which versions to deprecate and why.
 *
 * @param spec {@code NAME} (every version) or {@code NAME@RANGE}
 * @param message the deprecation message; empty clears it
 */
public record DeprecateOptions(String spec, String message) {
    /** Check the parts. */
    public DeprecateOptions {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(message, "message");
    }
}
