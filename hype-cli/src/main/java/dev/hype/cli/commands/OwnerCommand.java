package dev.hype.cli.commands;

import dev.hype.pm.ops.OwnerOperation;
import dev.hype.pm.registry.RegistryClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Manage who may publish a package: {@code hype pkg owner ls|add|rm}, as {@code npm owner}. */
@Command(name = "owner", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "List, add or remove the owners of a published package (who may publish, tag and deprecate it).",
        subcommands = {OwnerCommand.Ls.class, OwnerCommand.Add.class, OwnerCommand.Rm.class})
public final class OwnerCommand {

    /** What every owner subcommand shares: the registry and a token. */
    static class Base {
        @Spec
        CommandSpec spec;

        @Mixin
        RegistryOptions registry;

        @Option(names = "--token", paramLabel = "TOKEN", description = "Authenticate with TOKEN (default: HYPE_TOKEN or config).")
        String token;

        RegistryClient client() {
            return registry.client(Path.of("").toAbsolutePath(), token);
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    /** List the owners. */
    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List the owners of PACKAGE.")
    static final class Ls extends Base implements Callable<Integer> {
        @Parameters(paramLabel = "PACKAGE", description = "The package.")
        private String name;

        @Override
        public Integer call() {
            try (RegistryClient client = client()) {
                OwnerOperation.list(name, client).forEach(out()::println);
            }
            out().flush();
            return 0;
        }
    }

    /** Add an owner. */
    @Command(name = "add", mixinStandardHelpOptions = true, description = "Make USER an owner of PACKAGE.")
    static final class Add extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER", description = "The user to add.")
        private String user;

        @Parameters(index = "1", paramLabel = "PACKAGE", description = "The package.")
        private String name;

        @Override
        public Integer call() {
            try (RegistryClient client = client()) {
                boolean added = OwnerOperation.add(name, user, client);
                out().println(added ? "+ " + user + " (" + name + ")" : user + " already owns " + name);
            }
            out().flush();
            return 0;
        }
    }

    /** Remove an owner. */
    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Remove USER from the owners of PACKAGE; the last owner cannot be removed.")
    static final class Rm extends Base implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "USER", description = "The user to remove.")
        private String user;

        @Parameters(index = "1", paramLabel = "PACKAGE", description = "The package.")
        private String name;

        @Override
        public Integer call() {
            try (RegistryClient client = client()) {
                boolean removed = OwnerOperation.remove(name, user, client);
                out().println(removed ? "- " + user + " (" + name + ")" : user + " does not own " + name);
            }
            out().flush();
            return 0;
        }
    }
}
