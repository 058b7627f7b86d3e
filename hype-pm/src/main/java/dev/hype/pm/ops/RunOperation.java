package dev.hype.pm.ops;

import dev.hype.pm.install.InstalledTree;
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
 * shell, in the project directory, with the packages' commands ({@code hype_modules/.bin}) on {@code PATH}.
 *
 * <p>Unlike npm, {@code hype_modules/.bin} comes <em>last</em> on {@code PATH}, after the launcher's directory and
 * the inherited {@code PATH}: a package's bin can add a command but never take the place of one that exists
 * ({@code hype}, {@code git}, {@code sh}, ...), whatever was installed on the machine since {@code hype pkg install}
 * linked it. Install already leaves out bins that would shadow a command; this holds when {@code PATH} changed since.
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
        options.extraPath().forEach(p -> path.add(p.toString()));
        String inherited = builder.environment().getOrDefault("PATH", "");
        if (!inherited.isEmpty()) {
            path.add(inherited);
        }
        path.add(project.resolve(InstalledTree.DIRECTORY).resolve(InstalledTree.BIN).toString());
        builder.environment().put("PATH", String.join(File.pathSeparator, path));
        if (options.launcher() != null) {
            builder.environment().put("HYPE_LAUNCHER", options.launcher().toString());
        }
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
