package dev.hype.cli.commands;

import dev.hype.pm.ops.RunOperation;
import dev.hype.pm.ops.RunOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Run a {@code scripts} entry of {@code hype.json}, or list them. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a script from hype.json \"scripts\" through the shell, in the project directory,",
            "with hype itself first and the packages' commands (hype_modules/.bin) last on PATH, so they",
            "never shadow an existing command; extra ARGS are appended. Without SCRIPT, list them."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ProjectLocation location;

    @Option(names = "--json", description = "Without SCRIPT: list the scripts as JSON, name to command.")
    private boolean json;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "The script to run.")
    private String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments appended to the script's command.")
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path project = location.project();
        if (script == null) {
            PrintWriter out = spec.commandLine().getOut();
            Map<String, String> scripts = RunOperation.scripts(project);
            if (json) {
                var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
                scripts.forEach(root::put);
                out.println(root.toPrettyString());
            } else {
                scripts.forEach((name, command) -> out.println(name + "\n  " + command));
            }
            out.flush();
            return 0;
        }
        List<Path> extra = new ArrayList<>();
        Path launcher = launcher();
        if (launcher != null) {
            extra.add(launcher.getParent());
        }
        spec.commandLine().getOut().flush();
        return RunOperation.run(new RunOptions(project, script, args, extra, launcher));
    }

    /** Return the {@code hype} launcher this process was started by, or null when it is not known. */
    static Path launcher() {
        String launcher = System.getProperty(HypeHome.LAUNCHER_PROPERTY);
        return launcher == null ? null : Path.of(launcher).toAbsolutePath();
    }
}
