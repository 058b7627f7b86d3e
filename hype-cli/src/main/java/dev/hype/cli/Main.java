package dev.hype.cli;

import picocli.CommandLine;

/** Start the {@code hype} command. */
public final class Main {
    private Main() {
    }

    /** Run {@code hype} with the process's arguments and exit with its status. */
    public static void main(String[] args) {
        int status = run(args, Terminal.system());
        System.exit(status);
    }

    /** Run {@code hype} against the given terminal streams and return the exit status. */
    public static int run(String[] args, Terminal terminal) {
        HypeCommand root = new HypeCommand(terminal);
        CommandLine cli = new CommandLine(root);
        cli.setStopAtPositional(true);
        // Only the root passes everything after its script to the script; subcommands take options anywhere.
        cli.getSubcommands().values().forEach(sub -> sub.setStopAtPositional(false));
        cli.setOut(terminal.outWriter());
        cli.setErr(terminal.errWriter());
        cli.setExecutionExceptionHandler(new ErrorReporter(terminal, root::verbose));
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
}
