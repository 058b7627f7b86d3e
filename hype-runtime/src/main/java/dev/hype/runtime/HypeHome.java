package dev.hype.runtime;

import java.nio.file.Path;
import java.util.Map;

/**
 * Locate the user's home and Hype's own directory, the one way every part of Hype does.
 *
 * <p>The user's home is {@code $HOME} when set, as Node's {@code os.homedir()}, npm and Cargo take
 * it, else the JVM's {@code user.home} (which comes from the password database and ignores
 * {@code HOME}). Hype's directory is {@code $HYPE_HOME} when set, else {@code HOME/.hype}.
 */
public final class HypeHome {
    private HypeHome() {
    }

    /** Return the user's home directory given the environment {@code env}. */
    public static Path userHome(Map<String, String> env) {
        String home = env.get("HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"));
    }

    /** Return the user's home directory of this process. */
    public static Path userHome() {
        return userHome(System.getenv());
    }

    /** Return Hype's directory given the environment {@code env}: {@code $HYPE_HOME}, else {@code HOME/.hype}. */
    public static Path directory(Map<String, String> env) {
        String home = env.get("HYPE_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : userHome(env).resolve(".hype");
    }

    /** Return Hype's directory of this process. */
    public static Path directory() {
        return directory(System.getenv());
    }
}
