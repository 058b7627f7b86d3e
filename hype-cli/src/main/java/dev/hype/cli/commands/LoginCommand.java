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

/** Log in to a registry and keep its token in {@code ~/.hype/config.json}, as {@code npm login} does. */
@Command(name = "login", aliases = "adduser", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Log in to the registry with a user name and password (a registry that allows sign-up,",
            "such as 'hype registry serve --allow-signup', creates the account), or with --token save a token",
            "made elsewhere ('hype registry token create USER') after checking it. The token is kept in",
            "$HYPE_HOME/config.json (default ~/.hype/config.json) under the registry's host:port.",
            "Asks at the terminal; with input piped in, reads the user name and the password (or token) a line each."})
public final class LoginCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private RegistryOptions registry;

    @Option(names = {"-u", "--username"}, paramLabel = "NAME", description = "The user name (default: ask).")
    private String username;

    @Option(names = "--token", description = "Ask for a token instead of a user name and password.")
    private boolean token;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        Path here = Path.of("").toAbsolutePath();
        Prompt prompt = new Prompt(spec);
        AccountResult result;
        if (token) {
            String secret = prompt.secret("Token");
            try (RegistryClient client = registry.client(here, secret)) {
                result = AccountOperation.saveToken(client, secret, HypeHome.directory());
            }
        } else {
            String user = username != null ? username : prompt.line("Username");
            String password = prompt.secret("Password");
            try (RegistryClient client = registry.client(here, null)) {
                result = AccountOperation.login(client, user, password, HypeHome.directory());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, result);
            return 0;
        }
        out.println("logged in as " + result.user() + " on " + result.registry() + " (token saved in "
                + result.configFile() + ")");
        out.flush();
        return 0;
    }

    /** Print an account command's outcome as JSON: {@code user}, {@code registry}, {@code configFile}. */
    static void printJson(PrintWriter out, AccountResult result) {
        out.println(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("user", result.user())
                .put("registry", result.registry().toString())
                .put("configFile", result.configFile() == null ? null : result.configFile().toString())
                .toPrettyString());
        out.flush();
    }
}
