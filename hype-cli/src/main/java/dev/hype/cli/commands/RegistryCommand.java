package dev.hype.cli.commands;

import picocli.CommandLine.Command;

/** Group the registry commands under {@code hype registry} (listed in dev.hype.cli.CommandTree). */
@Command(name = "registry", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Run an npm-protocol package registry and manage its tokens and scopes.")
public final class RegistryCommand {
}
