package dev.hype.cli.commands;

import dev.hype.pm.ops.CheckOperation;
import dev.hype.pm.ops.CheckOptions;
import dev.hype.pm.ops.CheckProblem;
import dev.hype.pm.ops.CheckResult;
import dev.hype.runtime.TerminalText;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Check the manifest, the lockfile and every installed file; exit 1 on any problem. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {CheckCommand.DESCRIPTION, CheckCommand.DESCRIPTION_EXIT})
public final class CheckCommand implements Callable<Integer> {
    static final String DESCRIPTION = "Check that hype.json is valid, hype-lock.json matches it, and hype_modules/"
            + " holds exactly the locked packages with their published files.";
    static final String DESCRIPTION_EXIT = "Print each problem; exit 1 if there is any.";
    private static final String JSON = "Print the problems as JSON.";

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Option(names = "--json", description = JSON)
    private boolean json;

    @Mixin
    private ProjectOptions project;

    /** Return this command's model, as its annotations would give it (see {@link CommandModels}). */
    CommandSpec model() {
        spec = CommandModels.command(this, "check");
        spec.usageMessage().description(DESCRIPTION, DESCRIPTION_EXIT);
        spec.addOption(CommandModels.flag("json", () -> json, value -> json = value, "--json").description(JSON).build());
        project = new ProjectOptions();
        project.addTo(spec);
        return CommandModels.withHelpOptions(spec);
    }

    @Override
    public Integer call() {
        CheckResult result = CheckOperation.run(new CheckOptions(project.project(),
                project.store()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var root = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("ok", result.ok())
                    .put("packagesChecked", result.packagesChecked());
            var problems = root.putArray("problems");
            result.problems().forEach(p -> problems.addObject().put("kind", p.kind().name().toLowerCase(Locale.ROOT))
                    .put("subject", p.subject()).put("message", p.message()));
            result.hints().forEach(root.putArray("hints")::add);
            out.println(root.toPrettyString());
            out.flush();
            return result.ok() ? 0 : 1;
        }
        for (CheckProblem problem : result.problems()) {
            out.println(problem.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + TerminalText.escapeKeepingLines(problem.toString()));
        }
        out.println(result.ok() ? "ok: " + result.packagesChecked() + " packages checked"
                : result.problems().size() + (result.problems().size() == 1 ? " problem" : " problems") + " found");
        result.hints().forEach(hint -> out.println("hint: " + hint));
        out.flush();
        return result.ok() ? 0 : 1;
    }
}
