package dev.hype.cli.commands;

import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.ops.UpdateOperation;
import dev.hype.pm.ops.UpdateOptions;
import dev.hype.pm.ops.UpdateResult;
import dev.hype.pm.registry.RegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Move locked versions within their ranges, or to the latest with {@code --latest}, and print what changed. */
@Command(name = "update", aliases = "up", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-resolve the named packages (all when none are named) within the ranges in hype.json,",
            "ignoring their locked versions, install the result and print what changed.",
            "With --latest, move them to the registry's latest version and rewrite their ranges to ^VERSION."})
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Packages to update (default: all).")
    private List<String> names = List.of();

    @Option(names = "--latest", description = "Move to the latest version, rewriting ranges in hype.json.")
    private boolean latest;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions projectOptions;

    @Mixin
    private SourceOptions source;

    @Override
    public Integer call() throws Exception {
        Path project = projectOptions.project();
        InstallOptions install = new InstallOptions(project, source.sources(project),
                projectOptions.store(), List.of(), DependencyKind.RUNTIME, false, false, false, false,
                List.of(), true, Set.of(), approval.approver(spec));
        UpdateResult result;
        try (RegistryClient client = latest ? source.client(project) : null) {
            result = UpdateOperation.run(new UpdateOptions(names, latest, client, install,
                            latest ? source.rocks(project) : null),
                    ProgressBar.forTerminal(spec.commandLine().getErr(), ((dev.hype.cli.HypeCommand) spec.root().userObject()).terminal().interactive()));
        }
        PrintWriter out = spec.commandLine().getOut();
        result.ranges().forEach((name, range) -> out.println(name + " range -> " + range));
        result.changes().forEach(out::println);
        if (result.changes().isEmpty()) {
            out.println("nothing to update");
        }
        out.flush();
        return 0;
    }
}
