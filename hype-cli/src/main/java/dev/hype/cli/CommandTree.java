package dev.hype.cli;

import dev.hype.cli.commands.CheckCommand;
import dev.hype.cli.commands.CiCommand;
import dev.hype.cli.commands.CommandModels;
import dev.hype.cli.commands.DeprecateCommand;
import dev.hype.cli.commands.DistTagCommand;
import dev.hype.cli.commands.ExecCommand;
import dev.hype.cli.commands.InfoCommand;
import dev.hype.cli.commands.InitCommand;
import dev.hype.cli.commands.InstallCommand;
import dev.hype.cli.commands.KeygenCommand;
import dev.hype.cli.commands.ListCommand;
import dev.hype.cli.commands.LoginCommand;
import dev.hype.cli.commands.LogoutCommand;
import dev.hype.cli.commands.OutdatedCommand;
import dev.hype.cli.commands.OwnerCommand;
import dev.hype.cli.commands.PackCommand;
import dev.hype.cli.commands.PkgCommand;
import dev.hype.cli.commands.PublishCommand;
import dev.hype.cli.commands.RegistryCommand;
import dev.hype.cli.commands.RegistryScopeCommand;
import dev.hype.cli.commands.RegistryServeCommand;
import dev.hype.cli.commands.RegistryTokenCommand;
import dev.hype.cli.commands.RemoveCommand;
import dev.hype.cli.commands.ResolveCommand;
import dev.hype.cli.commands.RunCommand;
import dev.hype.cli.commands.SearchCommand;
import dev.hype.cli.commands.SemverCommand;
import dev.hype.cli.commands.StoreCommand;
import dev.hype.cli.commands.TokenCommand;
import dev.hype.cli.commands.TreeCommand;
import dev.hype.cli.commands.UnpublishCommand;
import dev.hype.cli.commands.UpdateCommand;
import dev.hype.cli.commands.WhoamiCommand;
import dev.hype.cli.commands.WhyCommand;
import dev.hype.cli.test.TestCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The tree of {@code hype}'s commands, built only as far as the arguments need it.
 *
 * <p>picocli builds a command's model by reading its annotations through reflection; for the whole
 * tree of about 60 commands that was most of the start-up time of every {@code hype pkg ...} run
 * (docs/benchmarks.md, "Where the commands' start-up goes"). So the root and the two large groups,
 * {@code pkg} and {@code registry}, list their subcommands here instead of in
 * {@code @Command(subcommands = ...)}, and {@link #forArguments} adds only the chain of commands
 * the arguments name. A group that is given no subcommand name (its {@code --help}, a misspelt
 * command) gets all its subcommands, so its help and "did you mean" hints are those of the whole
 * tree. {@code pkg}, {@code pkg list}, {@code check} and {@code info} have models built in code
 * ({@link CommandModels}), so {@code hype pkg list} reads no annotation at all. The small groups ({@code pkg token}, {@code dist-tag}, {@code owner}, {@code pkg store}, {@code registry
 * token} and {@code scope}) keep their subcommands in their annotations. The order here is the
 * order of the help text. None of the commands uses {@code @ParentCommand}, which picocli injects
 * only for annotated subcommands.
 */
final class CommandTree {
    /** A subcommand: the name and aliases it is called by, which must match its annotation, and its class. */
    record Entry(String name, List<String> aliases, Class<?> type) {
        boolean calledBy(String word) {
            return name.equals(word) || aliases.contains(word);
        }
    }

    /** The root command's name, as in {@link HypeCommand}'s annotation. */
    static final String ROOT_NAME = "hype";

    static final List<Entry> ROOT = List.of(
            entry(SemverCommand.class, "semver"),
            entry(PkgCommand.class, "pkg"),
            entry(RegistryCommand.class, "registry"),
            entry(TestCommand.class, "test"));

    static final List<Entry> PKG = List.of(
            entry(InitCommand.class, "init"),
            entry(InstallCommand.class, "install", "i", "add"),
            entry(RemoveCommand.class, "remove", "rm", "uninstall"),
            entry(CheckCommand.class, "check"),
            entry(ResolveCommand.class, "resolve"),
            entry(PackCommand.class, "pack", "build"),
            entry(PublishCommand.class, "publish"),
            entry(InfoCommand.class, "info"),
            entry(SearchCommand.class, "search"),
            entry(KeygenCommand.class, "keygen"),
            entry(RunCommand.class, "run"),
            entry(ExecCommand.class, "exec"),
            entry(TestCommand.class, "test"),
            entry(ListCommand.class, "list", "ls"),
            entry(TreeCommand.class, "tree"),
            entry(UpdateCommand.class, "update", "up", "upgrade"),
            entry(OutdatedCommand.class, "outdated"),
            entry(WhyCommand.class, "why", "explain"),
            entry(CiCommand.class, "ci", "clean-install"),
            entry(DistTagCommand.class, "dist-tag", "dist-tags"),
            entry(DeprecateCommand.class, "deprecate"),
            entry(UnpublishCommand.class, "unpublish"),
            entry(LoginCommand.class, "login", "adduser"),
            entry(LogoutCommand.class, "logout"),
            entry(WhoamiCommand.class, "whoami"),
            entry(TokenCommand.class, "token"),
            entry(OwnerCommand.class, "owner"),
            entry(StoreCommand.class, "store"));

    static final List<Entry> REGISTRY = List.of(
            entry(RegistryServeCommand.class, "serve"),
            entry(RegistryTokenCommand.class, "token"),
            entry(RegistryScopeCommand.class, "scope"));

    static {
        // picocli's default factory looks for Groovy's closure class once, before the first command line is built.
        // No jar on the class path has it, so the class loader opened every one of them to miss it: a cost each start
        // of a command paid. Hype has no Groovy closures in its annotations.
        System.setProperty("picocli.disable.closures", "true");
    }

    private CommandTree() {
    }

    private static Entry entry(Class<?> type, String name, String... aliases) {
        return new Entry(name, List.of(aliases), type);
    }

    /** Return the subcommands listed here for a command of {@code type}, or null if it has none listed here. */
    static List<Entry> childrenOf(Class<?> type) {
        if (type == HypeCommand.class) {
            return ROOT;
        } else if (type == PkgCommand.class) {
            return PKG;
        } else if (type == RegistryCommand.class) {
            return REGISTRY;
        }
        return null;
    }

    /** Return the whole tree under {@code root}. */
    static CommandLine whole(HypeCommand root) {
        CommandLine cli = new CommandLine(root);
        addAll(cli, ROOT);
        return cli;
    }

    /** Return the tree under {@code root} with the commands that parsing {@code args} can reach. */
    static CommandLine forArguments(HypeCommand root, List<String> args) {
        if (args.isEmpty() || find(ROOT, args.getFirst()) == null) {
            // The root's own options, a script, the REPL: no subcommand runs, unless a word further on
            // names one after options (`hype -W pkg ...`) or asks for the help that lists them all.
            return args.stream().anyMatch(CommandTree::mayNeedSubcommands) ? whole(root) : new CommandLine(root);
        }
        // A subcommand is the first word, so no option of the root's can be given: the root's model
        // needs its name only, and reading its annotations (a dozen options) would cost start-up time.
        CommandLine cli = new CommandLine(CommandSpec.wrapWithoutInspection(root).name(ROOT_NAME));
        CommandLine current = cli;
        List<Entry> children = ROOT;
        for (int i = 0; children != null; i++) {
            Entry next = i < args.size() ? find(children, args.get(i)) : null;
            if (next == null) {
                addAll(current, children);
                break;
            }
            current = add(current, next);
            children = childrenOf(next.type());
        }
        return cli;
    }

    private static boolean mayNeedSubcommands(String arg) {
        return HypeCommand.SUBCOMMANDS.contains(arg) || arg.equals("--help")
                || arg.startsWith("-") && !arg.startsWith("--") && arg.indexOf('h') > 0;
    }

    private static Entry find(List<Entry> entries, String word) {
        for (Entry entry : entries) {
            if (entry.calledBy(word)) {
                return entry;
            }
        }
        return null;
    }

    private static CommandLine add(CommandLine parent, Entry entry) {
        // The commands whose start-up counts most have models built in code (CommandModels).
        CommandSpec model = CommandModels.of(entry.type());
        CommandLine sub = model == null ? new CommandLine(entry.type()) : new CommandLine(model);
        parent.addSubcommand(sub);
        return sub;
    }

    private static void addAll(CommandLine parent, List<Entry> entries) {
        for (Entry entry : entries) {
            CommandLine sub = add(parent, entry);
            List<Entry> children = childrenOf(entry.type());
            if (children != null) {
                addAll(sub, children);
            }
        }
    }
}
