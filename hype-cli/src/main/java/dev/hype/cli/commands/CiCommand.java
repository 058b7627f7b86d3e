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
        description = {"Clean install for CI and fresh checkouts: install exactly the versions in hype-lock.json into",
            "a new hype_modules/ built from the store (nothing installed is kept). Fails, before any download,",
            "when there is no hype-lock.json or it does not match hype.json; never writes hype.json or the lockfile."})
public final class CiCommand implements Callable<Integer> {
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

    @Override
    public Integer call() {
        Path dir = project.project();
        InstallOptions options = new InstallOptions(dir, source.sources(dir, switches.offline), project.store(),
                List.of(), DependencyKind.RUNTIME, false, true, switches.offline, switches.production, switches.features.selection(true),
                Set.of(), approval.approver(spec)).planning(switches.dryRun, true);
        InstallResult result = InstallOperation.run(options, InstallOutput.reporter(spec));
        InstallOutput.print(spec, result, dir, switches.json);
        return 0;
    }
}
