package dev.hype.pm.ops;

import dev.hype.pm.manifest.Manifest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Run an entry of {@code hype.json} {@code scripts} as {@code npm run} does: through the system
 * shell, in the project directory, with {@code hype_modules/.bin} first on {@code PATH}.
 */
public final class RunOperation {
    /** Code of a script name that {@code hype.json} does not define. */
    public static final String NO_SCRIPT = "E_NO_SCRIPT";

    private RunOperation() {
    }

    /** Return the project's scripts, name to command, in manifest order. */
    public static Map<String, String> scripts(Path projectDirectory) {
        return Manifest.read(projectDirectory.resolve("hype.json")).scripts();
    }

    /** Run the script, with standard streams inherited, and return its exit status. */
    public static int run(RunOptions options) throws IOException, InterruptedException {
        Path project = options.projectDirectory();
        Map<String, String> scripts = scripts(project);
        String command = scripts.get(options.script());
        if (command == null) {
            throw new OperationException(NO_SCRIPT, "hype.json has no script named '" + options.script() + "'",
                    List.of(scripts.isEmpty() ? "add one under \"scripts\" in " + project.resolve("hype.json")
                            : "scripts: " + String.join(", ", scripts.keySet())));
        }
        String line = options.args().isEmpty() ? command
                : command + " " + options.args().stream().map(RunOperation::quote).collect(Collectors.joining(" "));
        ProcessBuilder builder = new ProcessBuilder(shell(line)).directory(project.toFile()).inheritIO();
        List<String> path = new ArrayList<>();
        path.add(project.resolve("hype_modules").resolve(".bin").toString());
        options.extraPath().forEach(p -> path.add(p.toString()));
        String inherited = builder.environment().getOrDefault("PATH", "");
        if (!inherited.isEmpty()) {
            path.add(inherited);
        }
        builder.environment().put("PATH", String.join(File.pathSeparator, path));
        builder.environment().put("HYPE_SCRIPT", options.script());
        return builder.start().waitFor();
    }

    private static List<String> shell(String line) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return windows ? List.of("cmd.exe", "/d", "/s", "/c", line) : List.of("/bin/sh", "-c", line);
    }

    /** Quote an argument for the POSIX shell, as npm passes extra arguments through. */
    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
