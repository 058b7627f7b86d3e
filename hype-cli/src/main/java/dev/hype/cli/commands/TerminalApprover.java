package dev.hype.cli.commands;

import dev.hype.pm.install.PermissionApprovals;
import dev.hype.pm.install.PermissionApprover;
import dev.hype.pm.install.PermissionRequest;
import dev.hype.runtime.TerminalText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Approve the permissions packages ask for from the command line: all of them with {@code --allow-permissions},
 * else by asking once on a terminal, else none (the install then fails and its error lists them).
 */
final class TerminalApprover implements PermissionApprover {
    private final PrintWriter err;
    private final InputStream in;
    private final boolean interactive;
    private final boolean allowAll;

    TerminalApprover(PrintWriter err, InputStream in, boolean interactive, boolean allowAll) {
        this.err = err;
        this.in = in;
        this.interactive = interactive;
        this.allowAll = allowAll;
    }

    @Override
    public boolean approve(List<PermissionRequest> pending) {
        if (!allowAll && !interactive) {
            return false;
        }
        err.println(PermissionApprovals.asking(pending) + " for permissions:");
        // Entries come from packages: shown with control characters escaped, so none can hide another.
        err.println(TerminalText.escapeKeepingLines(PermissionApprovals.listing(pending)));
        if (allowAll) {
            err.println("approved with --allow-permissions");
            err.flush();
            return true;
        }
        err.print("Approve these permissions? [y/N] ");
        err.flush();
        return yes(readLine());
    }

    private String readLine() {
        try {
            // Not closed: closing the reader would close standard input.
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean yes(String answer) {
        String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
