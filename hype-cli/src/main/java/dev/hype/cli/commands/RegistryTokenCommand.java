package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.registry.auth.TokenStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manage the tokens of a registry's storage: {@code hype registry token create USER}. */
@Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage publish tokens. The registry keeps only their SHA-256 hashes.",
        subcommands = {RegistryTokenCommand.Create.class})
public final class RegistryTokenCommand {

    /** Create a token for a user and print it once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token for USER and print it; it cannot be shown again.")
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "USER", description = "Who the token publishes as.")
        private String user;

        @Option(names = "--storage", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class, description = "The registry's storage (default: ~/.hype/registry).")
        private Path storage;

        @Override
        public Integer call() {
            Path dir = storage != null ? storage : HypeHome.directory().resolve("registry");
            String token = TokenStore.create(dir.toAbsolutePath(), user);
            spec.commandLine().getOut().println(token);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
