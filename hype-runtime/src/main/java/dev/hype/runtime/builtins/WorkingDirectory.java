package dev.hype.runtime.builtins;

import java.nio.file.Path;

/**
 * Hold the working directory that {@code fs}, {@code path.resolve} and {@code process.cwd} use.
 *
 * <p>The JVM cannot change its own working directory, so {@code process.chdir} changes this one
 * instead. One instance is shared by the modules of one {@link BuiltinModules} set, which the module
 * system creates once per runtime.
 */
public final class WorkingDirectory {
    private volatile Path current;

    /** Start at {@code start}, made absolute and normalised. */
    public WorkingDirectory(Path start) {
        this.current = start.toAbsolutePath().normalize();
    }

    /** Start at the directory the JVM was started in. */
    public static WorkingDirectory ofProcess() {
        return new WorkingDirectory(Path.of(System.getProperty("user.dir")));
    }

    /** Return the current directory, absolute. */
    public Path current() {
        return current;
    }

    /** Make {@code directory} (absolute, or relative to the current one) the current directory. */
    public void change(Path directory) {
        current = resolve(directory).normalize();
    }

    /** Resolve {@code path} against the current directory. */
    public Path resolve(Path path) {
        return current.resolve(path);
    }
}
