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
        if (args.length > 0 && HypeCommand.isPlainScript(args[0])) {
            // The common case, `hype app.lua ARGS...`, skips picocli: parsing its annotations costs
            // more start-up time than the whole Lua run (see docs/benchmarks.md).
            HypeCommand command = new HypeCommand(terminal);
            try {
                int status = command.runPlain(args[0], java.util.Arrays.asList(args).subList(1, args.length));
                terminal.flush();
                return status;
            } catch (Exception e) {
                return new ErrorReporter(terminal, () -> false).report(e);
            }
        }
        HypeCommand root = new HypeCommand(terminal);
        CommandLine cli = new CommandLine(root);
        // Only the root stops at its first positional: everything after a script belongs to the script.
        cli.setStopAtPositional(true);
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
