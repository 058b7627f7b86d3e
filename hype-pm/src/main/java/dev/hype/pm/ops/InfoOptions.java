package dev.hype.pm.ops;

/**
 * Say which package to describe.
 *
 * @param spec {@code NAME}, {@code NAME@RANGE} or {@code NAME@TAG}; a scoped name starts with {@code @}
 */
public record InfoOptions(String spec) {
}
