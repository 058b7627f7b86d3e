package dev.hype.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.manifest.Manifest;
import dev.hype.pm.ops.DistTagOperation;
import dev.hype.pm.ops.DistTagOptions;
import dev.hype.pm.ops.DistTagResult;
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

/** Manage a package's dist-tags on its registry, as {@code npm dist-tag} does. */
@Command(name = "dist-tag", aliases = "dist-tags", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "List, add or remove the dist-tags (latest, next, ...) that name versions of a package.",
        subcommands = {DistTagCommand.List.class, DistTagCommand.Add.class, DistTagCommand.Remove.class})
public final class DistTagCommand {
    /** Options every dist-tag subcommand shares: the registry and its token, and --json. */
    static final class Common {
        @Mixin
        TokenOptions registry;

        @Option(names = "--json", description = "Print the package's tags as JSON.")
        boolean json;

        int run(CommandSpec spec, DistTagOptions options) {
            DistTagResult result;
            try (RegistryClient client = registry.client()) {
                result = DistTagOperation.run(options, client);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode tags = new ObjectMapper().createObjectNode();
                result.tags().forEach(tags::put);
                out.println(tags.toPrettyString());
            } else if (options.action() == DistTagOptions.Action.LIST) {
                result.tags().forEach((tag, version) -> out.println(tag + ": " + version));
            } else if (options.action() == DistTagOptions.Action.ADD) {
                out.println("+" + result.tag() + ": " + result.name() + "@" + result.version());
            } else {
                out.println("-" + result.tag() + ": " + result.name() + "@" + result.version());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code dist-tag ls [NAME]}. */
    @Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true,
            description = "List the package's dist-tags (default: the package of the current project).")
    static final class List implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The package (default: this project's).")
        private String name;

        @Mixin
        private Common common;

        @Override
        public Integer call() {
            String target = name != null ? name : Manifest.read(dev.hype.pm.manifest.ProjectDirectory
                    .require(Path.of(""))).name();
            return common.run(spec, new DistTagOptions(DistTagOptions.Action.LIST, target, null));
        }
    }

    /** {@code dist-tag add NAME@VERSION [TAG]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Point TAG (default: latest) at VERSION of the package.")
    static final class Add implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "The package and an exact published version.")
        private String target;

        @Parameters(index = "1", arity = "0..1", paramLabel = "TAG", description = "The tag (default: latest).")
        private String tag = "latest";

        @Mixin
        private Common common;

        @Override
        public Integer call() {
            return common.run(spec, new DistTagOptions(DistTagOptions.Action.ADD, target, tag));
        }
    }

    /** {@code dist-tag rm NAME TAG}. */
    @Command(name = "rm", aliases = "remove", mixinStandardHelpOptions = true,
            description = "Remove TAG from the package ('latest' cannot be removed, only moved).")
    static final class Remove implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "The package.")
        private String name;

        @Parameters(index = "1", paramLabel = "TAG", description = "The tag to remove.")
        private String tag;

        @Mixin
        private Common common;

        @Override
        public Integer call() {
            return common.run(spec, new DistTagOptions(DistTagOptions.Action.REMOVE, name, tag));
        }
    }
}
