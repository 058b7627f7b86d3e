package dev.hype.cli.commands;

import dev.hype.pm.install.PermissionRequest;
import dev.hype.pm.install.ProjectCommit;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.PackageRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Draw install progress on a terminal as one line rewritten in place: a bar of packages in the
 * store out of those resolved, and the download count. Colour only when {@code NO_COLOR} is unset.
 */
final class ProgressBar implements Reporter {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean colour;
    private int total;
    private int stored;
    private int fetched;
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean colour) {
        this.err = err;
        this.colour = colour;
    }

    /** Return a bar on a terminal, plain lines otherwise; colour honours {@code NO_COLOR}. */
    static Reporter forTerminal(PrintWriter err, boolean interactive) {
        String noColor = System.getenv("NO_COLOR");
        return interactive ? new ProgressBar(err, noColor == null || noColor.isEmpty()) : new ConsoleReporter(err);
    }

    @Override
    public synchronized void waitingForLock(Path lockFile) {
        finishLine();
        err.println("waiting for another install in this project (" + lockFile.getFileName() + ")");
        err.flush();
    }

    @Override
    public synchronized void recovered(ProjectCommit.Recovery recovery) {
        finishLine();
        RecoveryNote.lines(recovery).forEach(err::println);
        err.flush();
    }

    @Override
    public synchronized void resolved(int count) {
        total = count;
        if (count > 0) {
            draw();
        }
    }

    @Override
    public synchronized void fetching(PackageRef ref) {
        fetched++;
        draw();
    }

    @Override
    public synchronized void permissionsToApprove(List<PermissionRequest> pending) {
        // The approver prints the requests and may ask a question: end the bar's line first.
        finishLine();
    }

    @Override
    public synchronized void linked(PackageRef ref) {
        // Linking starts once every package is in the store: end the bar's line before other output.
        finishLine();
    }

    @Override
    public synchronized void stored(PackageRef ref) {
        stored++;
        draw();
        if (stored >= total) {
            finishLine();
        }
    }

    @Override
    public synchronized void commandsLinked(PackageRef ref, List<String> commands) {
        finishLine();
        err.println(ConsoleReporter.linkedLine(ref, commands));
        err.flush();
    }

    @Override
    public synchronized void binNotLinked(String message) {
        finishLine();
        err.println("warning: " + message);
        err.flush();
    }

    private void draw() {
        int filled = total == 0 ? 0 : Math.min(WIDTH, stored * WIDTH / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String text = "[" + (colour ? "\u001b[32m" + bar + "\u001b[0m" : bar) + "] " + stored + "/" + total
                + " packages, " + fetched + " downloaded";
        err.print("\r" + text + "\u001b[K");
        err.flush();
        drawn = true;
    }

    private void finishLine() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
