package dev.hype.cli.commands;

import picocli.CommandLine.Command;

/** Group the package-manager commands under {@code hype pkg}. */
@Command(name = "pkg", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage a package: its manifest, dependencies and tests.",
        subcommands = {ResolveCommand.class, InitCommand.class, InstallCommand.class, RemoveCommand.class,
                CheckCommand.class})
public final class PkgCommand {
}
