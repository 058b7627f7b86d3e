package dev.hype.cli.commands;

import dev.hype.cli.Main;
import dev.hype.cli.Terminal;
import dev.hype.pm.install.InstalledBins;
import dev.hype.pm.install.InstalledTree;
import dev.hype.pm.ops.OperationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Run an installed package's {@code bin} entry: the Lua file its {@code hype.json} names, with hype, as the package's
 * code under its approved permissions.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the command BIN of an installed package with hype, passing ARGS to it.",
            "It runs as the package's code, with the permissions approved for it in hype-lock.json."})
public final class ExecCommand implements Callable<Integer> {
    /** Code of a bin name no installed package provides. */
    static final String NO_BIN = "E_NO_BIN";
    /** Code of a bin name two installed packages provide. */
    static final String AMBIGUOUS_BIN = "E_AMBIGUOUS_BIN";

    @Mixin
    private ProjectLocation location;

    @Parameters(index = "0", paramLabel = "BIN", description = "The installed command to run.")
    private String bin;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for it.")
    private List<String> args = new ArrayList<>();

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path modules = location.project().resolve(InstalledTree.DIRECTORY);
        Map<String, List<InstalledBins.Bin>> commands = InstalledBins.scan(modules);
        List<InstalledBins.Bin> providers = commands.getOrDefault(bin, List.of());
        if (providers.isEmpty()) {
            throw new OperationException(NO_BIN, "no installed package provides '" + bin + "' in " + modules,
                    List.of(commands.isEmpty() ? "install a package whose hype.json has \"bin\", then run it"
                            : "installed commands: " + String.join(", ", commands.keySet())));
        }
        if (providers.size() > 1) {
            throw new OperationException(AMBIGUOUS_BIN, "'" + bin + "' is provided by "
                    + String.join(" and ", providers.stream().map(InstalledBins.Bin::packageName).toList()),
                    List.of("run the one you mean with 'hype " + providers.getFirst().script() + "'"));
        }
        List<String> command = new ArrayList<>();
        command.add(providers.getFirst().script().toString());
        command.addAll(args);
        Terminal terminal = ((dev.hype.cli.HypeCommand) spec.root().userObject()).terminal();
        return Main.run(command.toArray(String[]::new), terminal);
    }
}
