package dev.hype.cli.commands;

import java.nio.file.Path;

/** Locate Hype's own directory: {@code $HYPE_HOME}, else {@code ~/.hype}. */
final class HypeHome {
    private HypeHome() {
    }

    static Path directory() {
        String home = System.getenv("HYPE_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".hype");
    }

    /** Return the package store: {@code override} when given, else {@code store} under {@link #directory()}. */
    static Path store(Path override) {
        return override != null ? override.toAbsolutePath() : directory().resolve("store");
    }
}
