package dev.hype.cli.commands;

import picocli.CommandLine.Command;

/** Group the registry commands under {@code hype registry}. */
@Command(name = "registry", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Run an npm-protocol package registry and manage its tokens and scopes.",
        subcommands = {RegistryServeCommand.class, RegistryTokenCommand.class, RegistryScopeCommand.class})
public final class RegistryCommand {
}
