package dev.hype.pm.ops;

import java.nio.file.Path;
import java.util.List;

/**
 * Say which {@code scripts} entry of a project to run.
 *
 * @param projectDirectory the project, holding {@code hype.json}
 * @param script           the name of the entry in {@code scripts}
 * @param args             extra arguments, appended to the command
 * @param extraPath        directories put first on {@code PATH} (the {@code hype} launcher's)
 * @param launcher         the {@code hype} launcher the bins in {@code hype_modules/.bin} run with, passed to them as
 *                         {@code HYPE_LAUNCHER}; null to leave that variable as it is
 */
public record RunOptions(Path projectDirectory, String script, List<String> args, List<Path> extraPath,
                         Path launcher) {
    /** Copy the lists. */
    public RunOptions {
        args = List.copyOf(args);
        extraPath = List.copyOf(extraPath);
    }

    /** Create options without a known launcher. */
    public RunOptions(Path projectDirectory, String script, List<String> args, List<Path> extraPath) {
        this(projectDirectory, script, args, extraPath, null);
    }
}
