package dev.hype.pm.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * Say which {@code scripts} entry of a project to run.
 *
 * @param projectDirectory the project, holding {@code hype.json}
 * @param script           the name of the entry in {@code scripts}
 * @param args             extra arguments, appended to the command
 * @param extraPath        directories put first on {@code PATH}, after the project's {@code hype_modules/.bin}
 */
public record RunOptions(Path projectDirectory, String script, List<String> args, List<Path> extraPath) {
    /** Copy the lists. */
    public RunOptions {
        args = List.copyOf(args);
        extraPath = List.copyOf(extraPath);
    }
}
