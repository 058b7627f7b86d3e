package dev.hype.cli;

import picocli.CommandLine;

/** Parse the arguments with picocli and run the command they name: every form but {@code hype FILE.lua}. */
final class CommandLineRunner {
    private CommandLineRunner() {
    }

    static int run(String[] args, Terminal terminal) {
        HypeCommand root = new HypeCommand(terminal);
        root.setRawArgs(java.util.Arrays.asList(args));
        CommandLine cli = create(root);
        ErrorReporter reporter = new ErrorReporter(terminal, root::verbose);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> reporter.report(e));
        cli.setParameterExceptionHandler((e, a) -> {
            terminal.err().println("hype: " + e.getMessage());
            terminal.err().println("hint: run 'hype --help' for usage");
            terminal.err().flush();
            return 2;
        });
        int status = cli.execute(args);
        terminal.flush();
        return status;
    }

    /** Return the command line of {@code root}, its streams set to the root's terminal. */
    static CommandLine create(HypeCommand root) {
        CommandLine cli = new CommandLine(root);
        // Only the root stops at its first positional: everything after a script belongs to the script.
        cli.setStopAtPositional(true);
        cli.getSubcommands().values().forEach(sub -> sub.setStopAtPositional(false));
        cli.setOut(root.terminal().outWriter());
        cli.setErr(root.terminal().errWriter());
        return cli;
    }
}
