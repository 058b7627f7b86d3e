package dev.hype.cli.commands;

import dev.hype.cli.Main;
import dev.hype.cli.Terminal;
import dev.hype.pm.ops.OperationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Run an installed package's {@code bin} entry, a Lua script linked in {@code hype_modules/.bin}. */
@Command(name = "exec", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run BIN from hype_modules/.bin with hype, passing ARGS to it.")
public final class ExecCommand implements Callable<Integer> {
    /** Code of a bin name no installed package provides. */
    static final String NO_BIN = "E_NO_BIN";

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
        Path binDir = location.project().resolve("hype_modules").resolve(".bin");
        Path link = binDir.resolve(bin);
        if (bin.contains("/") || bin.contains("\\") || !Files.isRegularFile(link)) {
            List<String> available = new ArrayList<>();
            if (Files.isDirectory(binDir)) {
                try (var entries = Files.list(binDir)) {
                    entries.map(p -> p.getFileName().toString()).sorted().forEach(available::add);
                }
            }
            throw new OperationException(NO_BIN, "no installed package provides '" + bin + "' in " + binDir,
                    List.of(available.isEmpty() ? "install a package whose hype.json has \"bin\", then run it"
                            : "installed commands: " + String.join(", ", available)));
        }
        List<String> command = new ArrayList<>();
        command.add(link.toRealPath().toString());
        command.addAll(args);
        Terminal terminal = ((dev.hype.cli.HypeCommand) spec.root().userObject()).terminal();
        return Main.run(command.toArray(String[]::new), terminal);
    }
}
