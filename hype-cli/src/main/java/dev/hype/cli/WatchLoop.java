package dev.hype.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Run a program, then run it again each time a file it loaded changes, as {@code node --watch} does. */
final class WatchLoop {
    /** One run of the program, reporting the files it loaded. */
    @FunctionalInterface
    interface Program {
        int run(Consumer<Set<Path>> loaded);
    }

    private final Terminal terminal;
    private final Path script;
    private final Program program;

    WatchLoop(Terminal terminal, Path script, Program program) {
        this.terminal = terminal;
        this.script = script;
        this.program = program;
    }

    /** Run until interrupted; return the last run's status. */
    int run() throws IOException {
        ErrorReporter reporter = new ErrorReporter(terminal, () -> false);
        PrintStream err = terminal.err();
        int status = 0;
        Set<Path> watched = Set.of();
        while (!Thread.currentThread().isInterrupted()) {
            Set<Path> files = new LinkedHashSet<>();
            files.add(script.toAbsolutePath().normalize());
            String outcome;
            try {
                status = program.run(files::addAll);
                outcome = "completed";
            } catch (RuntimeException e) {
                status = reporter.report(e);
                outcome = "failed";
            }
            // A file an earlier run loaded that is gone now (deleted, or mid-rename by an editor) may come back:
            // keep watching it, or this run's failure to load it would stop the loop from ever rerunning.
            for (Path earlier : watched) {
                if (!Files.exists(earlier)) {
                    files.add(earlier);
                }
            }
            watched = files;
            try (FileWatcher watcher = FileWatcher.watch(files)) {
                err.println("hype: " + outcome + " running '" + script + "'; waiting for file changes");
                terminal.flush();
                Path changed = watcher.take();
                err.println("hype: restarting '" + script + "' (" + changed + " changed)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return status;
    }
}
