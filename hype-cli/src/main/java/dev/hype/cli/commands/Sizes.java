package dev.hype.cli.commands;

import java.util.Locale;

/** Format byte counts for people: {@code 512 B}, {@code 1.2 kB}, {@code 3.4 MB}. */
final class Sizes {
    private Sizes() {
    }

    static String format(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
