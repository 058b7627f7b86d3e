package dev.hype.cli.commands;

import dev.hype.pm.ops.AccountOperation;
import dev.hype.pm.ops.AccountResult;
import dev.hype.pm.registry.RegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Print the user the registry token authenticates, as {@code npm whoami} does. */
@Command(name = "whoami", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Print the user name the configured token authenticates on the registry.")
public final class WhoamiCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Ask about TOKEN instead of the configured one.")
    private String token;

    @Option(names = "--json", description = "Print the name as a JSON string.")
    private boolean json;

    @Override
    public Integer call() {
        AccountResult result;
        try (RegistryClient client = registry.client(Path.of("").toAbsolutePath(), token)) {
            result = AccountOperation.whoami(client);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? com.fasterxml.jackson.databind.node.TextNode.valueOf(result.user()).toString() : result.user());
        out.flush();
        return 0;
    }
}
