package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CommandTreeTest {
    @Test
    void theTableNamesEachCommandAsItsAnnotationDoes() {
        CommandLine whole = CommandTree.whole(new HypeCommand(Terminal.system()));
        checkNames(whole, CommandTree.ROOT);
        checkNames(whole.getSubcommands().get("pkg"), CommandTree.PKG);
        checkNames(whole.getSubcommands().get("registry"), CommandTree.REGISTRY);
    }

    private static void checkNames(CommandLine group, List<CommandTree.Entry> entries) {
        Map<String, CommandLine> subcommands = group.getSubcommands();
        assertThat(subcommands.values().stream().distinct().map(CommandLine::getCommandName))
                .containsExactlyElementsOf(entries.stream().map(CommandTree.Entry::name).toList());
        for (CommandTree.Entry entry : entries) {
            CommandSpec spec = subcommands.get(entry.name()).getCommandSpec();
            assertThat(spec.userObject()).isInstanceOf(entry.type());
            assertThat(spec.aliases()).as(entry.name()).containsExactlyElementsOf(entry.aliases());
        }
    }

    @Test
    void theArgumentsGetOnlyTheChainTheyName() {
        CommandLine list = CommandTree.forArguments(new HypeCommand(Terminal.system()), List.of("pkg", "ls", "--json"));
        assertThat(list.getSubcommands()).containsOnlyKeys("pkg");
        assertThat(list.getSubcommands().get("pkg").getSubcommands()).containsOnlyKeys("list", "ls");

        CommandLine version = CommandTree.forArguments(new HypeCommand(Terminal.system()), List.of("--version"));
        assertThat(version.getSubcommands()).isEmpty();

        CommandLine token = CommandTree.forArguments(new HypeCommand(Terminal.system()), List.of("pkg", "token", "list"));
        assertThat(token.getSubcommands().get("pkg").getSubcommands().get("token").getSubcommands())
                .containsOnlyKeys("list", "ls", "create", "revoke", "rm");
    }

    @Test
    void helpAndMisspeltCommandsGetTheWholeGroup() {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("-W", "pkg", "list"))) {
            CommandLine cli = CommandTree.forArguments(new HypeCommand(Terminal.system()), args);
            assertThat(cli.getSubcommands()).as(args.toString()).hasSize(CommandTree.ROOT.size());
            assertThat(cli.getSubcommands().get("pkg").getSubcommands()).as(args.toString()).containsKey("owner");
        }
        CommandLine misspelt = CommandTree.forArguments(new HypeCommand(Terminal.system()), List.of("pkg", "lst"));
        assertThat(misspelt.getSubcommands().get("pkg").getSubcommands().values().stream().distinct())
                .hasSize(CommandTree.PKG.size());
    }

    @Test
    void eachCommandsHelpIsTheSameAsInTheWholeTree() {
        CommandLine whole = CommandTree.whole(new HypeCommand(Terminal.system()));
        for (List<String> path : List.<List<String>>of(List.of(), List.of("pkg"), List.of("pkg", "install"), List.of("pkg", "token"),
                List.of("registry", "serve"), List.of("semver"), List.of("test"))) {
            CommandLine lazy = CommandTree.forArguments(new HypeCommand(Terminal.system()),
                    path.isEmpty() ? List.of("--help") : path);
            assertThat(usage(find(lazy, path))).as(path.toString()).isEqualTo(usage(find(whole, path)));
        }
    }

    private static CommandLine find(CommandLine root, List<String> path) {
        CommandLine cli = root;
        for (String name : path) {
            cli = cli.getSubcommands().get(name);
        }
        return cli;
    }

    private static String usage(CommandLine cli) {
        StringWriter text = new StringWriter();
        cli.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString();
    }
}
