package dev.hype.cli.commands;

import picocli.CommandLine.Command;

/** Group the package-manager commands under {@code hype pkg} (listed in dev.hype.cli.CommandTree). */
@Command(name = "pkg", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = PkgCommand.DESCRIPTION)
public final class PkgCommand {
    static final String DESCRIPTION = "Manage a package: its manifest, dependencies and tests.";
}
