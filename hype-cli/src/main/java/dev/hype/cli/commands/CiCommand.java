package dev.hype.cli.commands;

import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.ops.InstallOperation;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.ops.InstallResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Install exactly what the lockfile says into a fresh tree, as {@code npm ci} does. */
@Command(name = "ci", aliases = "clean-install", mixinStandardHelpOptions = true, sortOptions = false,
        description = {CiCommand.DESCRIPTION, CiCommand.DESCRIPTION_FRESH, CiCommand.DESCRIPTION_FAILS})
public final class CiCommand implements Callable<Integer> {
    static final String DESCRIPTION =
            "Clean install for CI and fresh checkouts: install exactly the versions in hype-lock.json into";
    static final String DESCRIPTION_FRESH =
            "a new hype_modules/ built from the store (nothing installed is kept). Fails, before any download,";
    static final String DESCRIPTION_FAILS =
            "when there is no hype-lock.json or it does not match hype.json; never writes hype.json or the lockfile.";

    @Spec
    private CommandSpec spec;

    @Mixin
    private InstallSwitches switches;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SourceOptions source;

    /** Return this command's model, as its annotations would give it (see {@link CommandModels}). */
    CommandSpec model() {
        spec = CommandModels.command(this, "ci", "clean-install");
        spec.usageMessage().sortOptions(false).description(DESCRIPTION, DESCRIPTION_FRESH, DESCRIPTION_FAILS);
        switches = new InstallSwitches();
        switches.addTo(spec);
        approval = new ApprovalOptions();
        approval.addTo(spec);
        project = new ProjectOptions();
        project.addTo(spec);
        source = new SourceOptions();
        source.addTo(spec);
        return CommandModels.withHelpOptions(spec);
    }

    @Override
    public Integer call() {
        Path dir = project.project();
        InstallOptions options = new InstallOptions(dir, source.lazySources(dir, switches.offline), project.store(),
                List.of(), DependencyKind.RUNTIME, false, true, switches.offline, switches.production, switches.features.selection(true),
                Set.of(), approval.approver(spec)).planning(switches.dryRun, true);
        InstallResult result = InstallOperation.run(options, InstallOutput.reporter(spec));
        InstallOutput.print(spec, result, dir, switches.json);
        return 0;
    }
}
