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

/** Revoke the registry token in use and forget it, as {@code npm logout} does. */
@Command(name = "logout", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Revoke the token used for the registry and remove it from $HYPE_HOME/config.json.",
            "A token from HYPE_TOKEN or a project's .hyperc.json is revoked but stays where it is."})
public final class LogoutCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        Path here = Path.of("").toAbsolutePath();
        AccountResult result;
        try (RegistryClient client = registry.client(here, null)) {
            String token = registry.config(here, null).tokenFor(client.registry()).orElse(null);
            result = AccountOperation.logout(client, token, HypeHome.directory());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            LoginCommand.printJson(out, result);
            return 0;
        }
        out.println("logged out of " + result.registry() + (result.configFile() == null
                ? " (the token was not in $HYPE_HOME/config.json; remove it from HYPE_TOKEN or .hyperc.json)"
                : " (token removed from " + result.configFile() + ")"));
        out.flush();
        return 0;
    }
}
