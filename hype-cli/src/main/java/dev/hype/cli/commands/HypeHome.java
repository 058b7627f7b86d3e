package dev.hype.cli.commands;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Locate Hype's own directory: {@code $HYPE_HOME}, else {@code ~/.hype}.
 *
 * <p>In-process tests set the system property {@value #TEST_HOME_PROPERTY} instead of the
 * environment, which a JVM cannot change; it also hides {@code HYPE_TOKEN}. The launcher never
 * sets it: it passes {@value #LAUNCHER_PROPERTY}, the launcher's own path.
 */
final class HypeHome {
    /** System property that stands in for {@code HYPE_HOME} in in-process tests. */
    static final String TEST_HOME_PROPERTY = "hype.test.home";

    /** System property the launcher sets to its own path, so {@code hype pkg run} scripts find {@code hype}. */
    static final String LAUNCHER_PROPERTY = "hype.launcher";

    private HypeHome() {
    }

    static Path directory() {
        return dev.hype.runtime.HypeHome.directory(environment());
    }

    /** Return the package store: {@code override} when given, else {@code store} under {@link #directory()}. */
    static Path store(Path override) {
        return override != null ? override.toAbsolutePath() : directory().resolve("store");
    }

    /** Return the environment the commands see: the process's, with the test override applied. */
    static Map<String, String> environment() {
        String home = System.getProperty(TEST_HOME_PROPERTY);
        if (home == null) {
            return System.getenv();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HYPE_HOME", home);
        env.remove("HYPE_TOKEN");
        return env;
    }
}
