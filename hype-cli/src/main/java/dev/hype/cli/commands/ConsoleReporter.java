package dev.hype.cli.commands;

import dev.hype.pm.install.ProjectCommit;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.store.PackageRef;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

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

    @Override
    public synchronized void commandsLinked(PackageRef ref, List<String> commands) {
        err.println(linkedLine(ref, commands));
        err.flush();
    }

    @Override
    public synchronized void binNotLinked(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    /** Return how install tells of a package's new commands, which run as its code with its permissions. */
    static String linkedLine(PackageRef ref, List<String> commands) {
        return ref.label() + " provides " + (commands.size() == 1 ? "the command " : "the commands ")
                + String.join(", ", commands) + " (hype_modules/.bin; run as " + ref.name() + " with its permissions)";
    }
}
