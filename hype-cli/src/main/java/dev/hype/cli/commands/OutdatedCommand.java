package dev.hype.cli.commands;

import dev.hype.pm.ops.ListOperation;
import dev.hype.pm.ops.ListOptions;
import dev.hype.pm.ops.ListResult;
import dev.hype.pm.registry.RegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Show which direct dependencies have newer versions, as {@code npm outdated} does. */
@Command(name = "outdated", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show each direct dependency that is not at its wanted or latest version: Current (locked),",
            "Wanted (the newest within its range in hype.json) and Latest (the 'latest' dist-tag;",
            "for a rocks:NAME dependency, the newest version on the LuaRocks servers).",
            "Exits 1 when any is outdated, as npm outdated does; 0 when all are current."})
public final class OutdatedCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Mixin
    private RocksOptions rocks;

    @Mixin
    private ProjectLocation location;

    @Option(names = "--json", description = "Print the result as JSON: {name: {range, current, wanted, latest}}.")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        Path project = location.project();
        ListResult result;
        try (RegistryClient client = registry.client(project, null)) {
            result = ListOperation.run(new ListOptions(project, client, rocks.repository(project)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ListCommand.outdatedJson(result).toPrettyString());
        } else {
            ListCommand.printOutdated(out, result.outdated());
        }
        out.flush();
        return result.outdated().isEmpty() ? 0 : 1;
    }
}
