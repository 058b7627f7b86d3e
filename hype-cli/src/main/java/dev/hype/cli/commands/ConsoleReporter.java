package dev.hype.cli.commands;

import dev.hype.pm.install.ProjectCommit;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.PackageRef;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Print install progress as plain lines. */
final class ConsoleReporter implements Reporter {
    private final PrintWriter err;

    ConsoleReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void waitingForLock(Path lockFile) {
        err.println("waiting for another install in this project (" + lockFile.getFileName() + ")");
        err.flush();
    }

    @Override
    public synchronized void recovered(ProjectCommit.Recovery recovery) {
        RecoveryNote.lines(recovery).forEach(err::println);
        err.flush();
    }

    @Override
    public synchronized void resolved(int count) {
        err.println("resolved " + count + (count == 1 ? " package" : " packages"));
        err.flush();
    }

    @Override
    public synchronized void fetching(PackageRef ref) {
        err.println("fetching " + ref.label());
        err.flush();
    }
}
