package dev.hype.cli;

import dev.hype.cli.test.TestCommand;
import picocli.CommandLine.Command;

/** Group the package commands: {@code hype pkg <command>}. */
@Command(name = "pkg", mixinStandardHelpOptions = true, description = "Manage and test Lua packages.",
        subcommands = {TestCommand.class})
public final class PkgCommand {
}
