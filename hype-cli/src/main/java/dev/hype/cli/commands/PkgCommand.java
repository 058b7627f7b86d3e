package dev.hype.cli.commands;

import picocli.CommandLine.Command;

/** Group the package-manager commands under {@code hype pkg} (listed in dev.hype.cli.CommandTree). */
@Command(name = "pkg", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage a package: its manifest, dependencies and tests.")
public final class PkgCommand {
}
