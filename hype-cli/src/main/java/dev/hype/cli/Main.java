package dev.hype.cli;

import java.util.Arrays;

/**
 * Start the {@code hype} command.
 *
 * <p>This class must not mention picocli: the AOT cache links it at start-up, and picocli's
 * classes, which the cache cannot hold, would then be read from their jar on every run.
 */
public final class Main {
    private Main() {
    }

    /** Run {@code hype} with the process's arguments and exit with its status. */
    public static void main(String[] args) {
        SourcesGate.await(args);
        ClassWarmUp.startFor(args);
        int status = run(RawArguments.recover(args), Terminal.system());
        if (status != 0 || otherThreadsRunning()) {
            System.exit(status);
        }
        // Returning ends the JVM as System.exit(0) would, without Runtime.exit's check of the
        // System.Logger "java.lang.Runtime", whose first use opens every jar on the class path to
        // look for a logging service (about 10 ms).
    }

    /** Return whether a platform thread other than this one would keep the JVM running. */
    private static boolean otherThreadsRunning() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 8];
        int count = root.enumerate(threads);
        for (int i = 0; i < count; i++) {
            if (threads[i] != Thread.currentThread() && !threads[i].isDaemon()) {
                return true;
            }
        }
        return count == threads.length;
    }

    /** Run {@code hype} against the given terminal streams and return the exit status. */
    public static int run(String[] args, Terminal terminal) {
        if (args.length > 0 && HypeCommand.isPlainScript(args[0])) {
            // The common case, `hype app.lua ARGS...`, skips picocli: parsing its annotations costs
            // more start-up time than the whole Lua run (see docs/benchmarks.md).
            return runPlain(args[0], Arrays.asList(args).subList(1, args.length), terminal);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli's --version prints, without building the root command's model first.
            for (String line : VersionText.lines()) {
                terminal.out().println(line);
            }
            terminal.flush();
            return 0;
        }
        if (args.length == 1 && args[0].startsWith(AotTraining.OPTION)) {
            return AotTraining.run(args[0].substring(AotTraining.OPTION.length()));
        }
        return CommandLineRunner.run(args, terminal);
    }

    private static int runPlain(String script, java.util.List<String> scriptArgs, Terminal terminal) {
        try {
            int status = new HypeCommand(terminal).runPlain(script, scriptArgs);
            terminal.flush();
            return status;
        } catch (Exception e) {
            return new ErrorReporter(terminal, () -> false).report(e);
        }
    }
}
