package dev.hype.cli.commands;

import dev.hype.cli.HypeCommand;
import dev.hype.cli.Terminal;
import dev.hype.pm.install.PermissionApprover;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose how an install approves the permissions packages ask for. */
final class ApprovalOptions {
    private static final String ALLOW =
            "Approve the permissions packages ask for without asking, and record them in hype-lock.json.";

    @Option(names = "--allow-permissions", description = ALLOW)
    private boolean allowPermissions;

    /** Add {@code --allow-permissions} to a model built in code ({@link CommandModels}), as its annotation says. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.flag("allowPermissions", () -> allowPermissions,
                value -> allowPermissions = value, "--allow-permissions").description(ALLOW).build());
    }

    /** Return the approver for the command {@code spec} runs: the flag, else a question on a terminal, else no. */
    PermissionApprover approver(CommandSpec spec) {
        Terminal terminal = ((HypeCommand) spec.root().userObject()).terminal();
        return new TerminalApprover(spec.commandLine().getErr(), terminal.in(), terminal.interactive(),
                allowPermissions);
    }
}
