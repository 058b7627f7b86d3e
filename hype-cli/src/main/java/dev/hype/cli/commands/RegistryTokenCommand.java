package dev.hype.cli.commands;

import dev.hype.cli.PathArguments;
import dev.hype.registry.auth.TokenInfo;
import dev.hype.registry.auth.TokenLimits;
import dev.hype.registry.auth.TokenStore;
import dev.hype.runtime.HypeException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manage the tokens of a registry's storage: {@code hype registry token create|list|revoke}. */
@Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage publish tokens. The registry keeps only their SHA-256 hashes.",
        subcommands = {RegistryTokenCommand.Create.class, RegistryTokenCommand.List.class,
            RegistryTokenCommand.Revoke.class})
public final class RegistryTokenCommand {
    /** Code of a token id or token that matches no stored token. */
    static final String NO_TOKEN = "E_NO_TOKEN";

    /** The storage option every token subcommand shares. */
    static class Storage {
        @Spec
        CommandSpec spec;

        @Option(names = "--storage", paramLabel = "DIR", converter = PathArguments.OutputDirectory.class,
                description = "The registry's storage (default: ~/.hype/registry).")
        Path storage;

        TokenStore tokens() {
            return TokenStore.open(directory());
        }

        Path directory() {
            return (storage != null ? storage : HypeHome.directory().resolve("registry")).toAbsolutePath();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** Create a token for a user and print it once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token for USER and print it; it cannot be shown again.")
    static final class Create extends Storage implements Callable<Integer> {
        @Parameters(paramLabel = "USER", description = "Who the token publishes as.")
        private String user;

        @Mixin
        private TokenLimitOptions limits = new TokenLimitOptions();

        @Override
        public Integer call() {
            out().println(TokenStore.create(directory(), user, new TokenLimits(limits.readOnly, limits.cidrs)));
            out().flush();
            return 0;
        }
    }

    /** List the stored tokens without revealing them. */
    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = {"List the tokens: an ID (the start of the token's SHA-256), the user, when it was made and "
                + "its limits.",
                "Tokens themselves are never stored, so they cannot be shown."})
    static final class List extends Storage implements Callable<Integer> {
        @Override
        public Integer call() {
            java.util.List<TokenInfo> tokens = tokens().list();
            if (tokens.isEmpty()) {
                out().println("no tokens in " + directory());
            } else {
                out().println(String.format("%-12s  %-20s  %-27s  %s", "ID", "USER", "CREATED", "LIMITS").stripTrailing());
                tokens.forEach(t -> out().println(String.format("%-12s  %-20s  %-27s  %s", t.id(), t.user(), t.created(),
                        limits(t.limits())).stripTrailing()));
            }
            out().flush();
            return 0;
        }
    }

    private static String limits(TokenLimits limits) {
        java.util.List<String> words = new java.util.ArrayList<>();
        if (limits.readOnly()) {
            words.add("read-only");
        }
        if (!limits.cidrs().isEmpty()) {
            words.add("from " + String.join(",", limits.cidrs()));
        }
        return String.join(", ", words);
    }

    /** Revoke a token by the id {@code list} shows, or by the token itself. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke the token whose ID (at least 6 of the digits 'list' shows) or value is given.")
    static final class Revoke extends Storage implements Callable<Integer> {
        @Parameters(paramLabel = "ID|TOKEN", description = "The token's ID, or the token itself.")
        private String id;

        @Override
        public Integer call() {
            TokenInfo revoked = tokens().revokeMatching(id).orElseThrow(() -> new HypeException(NO_TOKEN,
                    "no token in " + directory() + " matches '" + id + "'",
                    java.util.List.of("'hype registry token list' shows the IDs")));
            out().println("revoked token " + revoked.id() + (revoked.user().isEmpty() ? "" : " of " + revoked.user()));
            out().flush();
            return 0;
        }
    }
}
