package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.ops.InstallOptions;
import dev.hype.pm.resolve.FeatureSelection;
import dev.hype.pm.ops.PackageChange;
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
@Command(name = "update", aliases = {"up", "upgrade"}, mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-resolve the named packages (all when none are named) within the ranges in hype.json,",
            "ignoring their locked versions, install the result and print what changed.",
            "With --latest, move them to the registry's latest version and rewrite their ranges to ^VERSION;",
            "a package whose 'latest' tag names a version older than the installed one is never moved back."})
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Packages to update (default: all).")
    private List<String> names = List.of();

    @Option(names = "--latest", description = "Move to the latest version, rewriting ranges in hype.json.")
    private boolean latest;

    @Option(names = "--offline", description = "Never contact the registry: use only the cache ($HYPE_HOME/cache) and "
            + "the store; fail naming whatever is missing from them.")
    private boolean offline;

    @Option(names = "--dry-run", description = "Print what would change; change nothing.")
    private boolean dryRun;

    @Option(names = "--json", description = "Print what changed as JSON.")
    private boolean json;

    @Mixin
    private ApprovalOptions approval;

    @Mixin
    private ProjectOptions projectOptions;

    @Mixin
    private SourceOptions source;

    @Override
    public Integer call() throws Exception {
        Path project = projectOptions.project();
        InstallOptions install = new InstallOptions(project, source.sources(project, offline),
                projectOptions.store(), List.of(), DependencyKind.RUNTIME, false, false, offline, false,
                FeatureSelection.LOCKED, Set.of(), approval.approver(spec)).planning(dryRun, false);
        UpdateResult result;
        try (RegistryClient client = latest ? source.client(project, offline) : null) {
            result = UpdateOperation.run(new UpdateOptions(names, latest, client, install,
                            latest ? source.rocks(project, offline) : null),
                    InstallOutput.reporter(spec));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("dryRun", dryRun);
            var changes = root.putArray("changes");
            for (PackageChange change : result.changes()) {
                changes.addObject().put("name", change.name())
                        .put("from", change.from() == null ? null : change.from().toString())
                        .put("to", change.to() == null ? null : change.to().toString());
            }
            ObjectNode ranges = root.putObject("ranges");
            result.ranges().forEach(ranges::put);
            ObjectNode kept = root.putObject("notDowngraded");
            result.notDowngraded().forEach((name, version) -> kept.put(name, version.toString()));
            out.println(root.toPrettyString());
            out.flush();
            return 0;
        }
        String would = dryRun ? "would move " : "";
        result.ranges().forEach((name, range) -> out.println(would + name + " range -> " + range));
        result.changes().forEach(change -> out.println(would + change));
        result.notDowngraded().forEach((name, version) -> out.println(name + " stays: its 'latest' tag names "
                + version + ", older than the version installed"));
        if (result.changes().isEmpty()) {
            out.println("nothing to update");
        } else if (dryRun) {
            out.println("dry run: nothing was changed");
        }
        out.flush();
        return 0;
    }
}
