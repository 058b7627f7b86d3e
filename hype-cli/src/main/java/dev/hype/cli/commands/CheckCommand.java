package dev.hype.cli.commands;

import dev.hype.pm.ops.CheckOperation;
import dev.hype.pm.ops.CheckOptions;
import dev.hype.pm.ops.CheckProblem;
import dev.hype.pm.ops.CheckResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Check the manifest, the lockfile and every installed file; exit 1 on any problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that hype.json is valid, hype-lock.json matches it, and hype_modules/ holds exactly the "
                + "locked packages with their published files.", "Print each problem; exit 1 if there is any."})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", description = "Check the project in DIR (default: current directory).")
    private Path dir = Path.of("");

    @Option(names = "--store-dir", paramLabel = "DIR",
            description = "Use the package store in DIR (default: $HYPE_HOME/store, else ~/.hype/store).")
    private Path storeDir;

    @Override
    public Integer call() {
        CheckResult result = CheckOperation.run(new CheckOptions(dir.toAbsolutePath(),
                HypeHome.store(storeDir)));
        PrintWriter out = spec.commandLine().getOut();
        for (CheckProblem problem : result.problems()) {
            out.println(problem.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + problem);
        }
        out.println(result.ok() ? "ok: " + result.packagesChecked() + " packages checked"
                : result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems") + " found");
        out.flush();
        return result.ok() ? 0 : 1;
    }
}
