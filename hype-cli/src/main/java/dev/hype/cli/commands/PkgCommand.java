package dev.hype.cli.commands;

import dev.hype.cli.test.TestCommand;
import picocli.CommandLine.Command;

/** Group the package-manager commands under {@code hype pkg}. */
@Command(name = "pkg", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage a package: its manifest, dependencies and tests.",
        subcommands = {InitCommand.class, InstallCommand.class, RemoveCommand.class, CheckCommand.class,
                ResolveCommand.class, PackCommand.class, PublishCommand.class, InfoCommand.class,
                SearchCommand.class, KeygenCommand.class, RunCommand.class, ExecCommand.class, TestCommand.class, ListCommand.class,
                TreeCommand.class, UpdateCommand.class, OutdatedCommand.class, WhyCommand.class, CiCommand.class,
                DistTagCommand.class, DeprecateCommand.class, UnpublishCommand.class, LoginCommand.class,
                LogoutCommand.class, WhoamiCommand.class, TokenCommand.class, OwnerCommand.class})
public final class PkgCommand {
}
