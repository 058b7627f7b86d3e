package dev.hype.cli.commands;

import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.ops.InstallResult;
import dev.hype.pm.ops.RemoveOperation;
import dev.hype.pm.ops.RemoveOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Remove dependencies and prune what nothing needs any more. */
@Command(name = "remove", aliases = {"rm", "uninstall"}, mixinStandardHelpOptions = true, sortOptions = false,
        description = "Remove packages from hype.json, hype-lock.json and hype_modules/, and prune orphans.")
public final class RemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "1..*", description = "Dependencies to remove.")
    private List<String> names;

    @Option(names = "--offline", description = "Never contact the registry: use only the cache ($HYPE_HOME/cache) and "
            + "the store; fail naming whatever is missing from them.")
    private boolean offline;

    @Option(names = "--dry-run", description = "Print what would be removed; change nothing.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print what changed as JSON instead of lines.")
    private boolean json;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private SourceOptions source;

    @Override
    public Integer call() {
        Path dir = project.project();
        InstallOptions install = new InstallOptions(dir, source.sources(dir, offline), project.store(), List.of(),
                DependencyKind.RUNTIME, false, false, offline, false, FeatureSelection.LOCKED, Set.of(),
                approval.approver(spec))
                .planning(dryRun, false);
        InstallResult result = RemoveOperation.run(new RemoveOptions(names, install), InstallOutput.reporter(spec));
        InstallOutput.print(spec, result, dir, json);
        return 0;
    }
}
