package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.ops.AccountOperation;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryToken;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manage the tokens of your registry account, as {@code npm token} does. */
@Command(name = "token", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"List, create and revoke the tokens of the account you are logged in as.",
            "(To create a token for any user on the registry's own host, use 'hype registry token create USER'.)"},
        subcommands = {TokenCommand.List.class, TokenCommand.Create.class, TokenCommand.Revoke.class})
public final class TokenCommand {
    /** The registry and output options the token subcommands share. */
    static final class Common {
        @Mixin
        RegistryOptions registry;

        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;

        RegistryClient client() {
            return registry.client(Path.of("").toAbsolutePath(), null);
        }

        static ObjectNode json(RegistryToken token) {
            ObjectNode node = new ObjectMapper().createObjectNode().put("key", token.key()).put("token", token.token())
                    .put("created", token.created()).put("readonly", token.readonly());
            token.cidrs().forEach(node.putArray("cidr_whitelist")::add);
            return node;
        }
    }

    /** {@code token list}. */
    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true, description = "List your tokens: key, token (masked), created.")
    static final class List implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Common common;

        @Override
        public Integer call() {
            java.util.List<RegistryToken> tokens;
            try (RegistryClient client = common.client()) {
                tokens = AccountOperation.tokens(client);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                ArrayNode array = new ObjectMapper().createArrayNode();
                tokens.forEach(t -> array.add(Common.json(t)));
                out.println(array.toPrettyString());
            } else {
                tokens.forEach(t -> out.println(t.key() + "  " + t.token() + "  " + t.created()
                        + (t.readonly() ? "  read-only" : "")
                        + (t.cidrs().isEmpty() ? "" : "  from " + String.join(",", t.cidrs()))));
            }
            out.flush();
            return 0;
        }
    }

    /** {@code token create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token for your account and print it once; the registry asks for your password",
                "(asked at the terminal, or read as a line of standard input)."})
    static final class Create implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Mixin
        private Common common;

        @Mixin
        private TokenLimitOptions limits = new TokenLimitOptions();

        @Override
        public Integer call() {
            String password = new Prompt(spec).secret("Password");
            RegistryToken token;
            try (RegistryClient client = common.client()) {
                token = AccountOperation.createToken(client, password, limits.readOnly, limits.cidrs);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(common.json ? Common.json(token).toPrettyString() : token.token());
            out.flush();
            return 0;
        }
    }

    /** {@code token revoke KEY}. */
    @Command(name = "revoke", aliases = "rm", mixinStandardHelpOptions = true,
            description = "Revoke your token whose key (as 'token list' shows it) starts with KEY.")
    static final class Revoke implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "KEY", description = "The token's key, or a unique start of it.")
        private String key;

        @Mixin
        private Common common;

        @Override
        public Integer call() {
            try (RegistryClient client = common.client()) {
                AccountOperation.revokeToken(client, key);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(common.json ? "{\"revoked\": \"" + key.replace("\"", "") + "\"}" : "revoked " + key);
            out.flush();
            return 0;
        }
    }
}
