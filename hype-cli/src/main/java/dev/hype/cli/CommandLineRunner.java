package dev.hype.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Parse the arguments with picocli and run the command they name: every form but {@code hype FILE.lua}. */
final class CommandLineRunner {
    private CommandLineRunner() {
    }

    static int run(String[] args, Terminal terminal) {
        HypeCommand root = new HypeCommand(terminal);
        root.setRawArgs(java.util.Arrays.asList(args));
        CommandLine cli = create(CommandTree.forArguments(root, List.of(args)));
        ErrorReporter reporter = new ErrorReporter(terminal, root::verbose);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> reporter.report(e));
        cli.setParameterExceptionHandler((e, a) -> reporter.report(usageError(e)));
        int status = cli.execute(args);
        terminal.flush();
        return status;
    }

    /** Set up the command line of a tree built by {@link CommandTree}: its parser and its streams. */
    static CommandLine create(CommandLine cli) {
        HypeCommand root = cli.getCommand();
        // Only the root stops at its first positional: everything after a script belongs to the script.
        cli.setStopAtPositional(true);
        cli.getSubcommands().values().forEach(sub -> sub.setStopAtPositional(false));
        // `pkg exec BIN --help` and `pkg run SCRIPT --flag`: what follows BIN or SCRIPT is theirs, --help included.
        CommandLine pkg = cli.getSubcommands().get("pkg");
        for (String passesArguments : List.of("exec", "run")) {
            CommandLine sub = pkg == null ? null : pkg.getSubcommands().get(passesArguments);
            if (sub != null) {
                sub.setStopAtPositional(true);
            }
        }
        // `-C test`: an option's value may be a word that also names a command.
        cli.setAllowSubcommandsAsOptionParameters(true);
        cli.setOut(root.terminal().outWriter());
        cli.setErr(root.terminal().errWriter());
        return cli;
    }

    /** Turn picocli's complaint into a usage error naming the command, with "did you mean" hints. */
    static UsageException usageError(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String command = spec.qualifiedName();
        List<String> hints = new ArrayList<>();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String word = unmatched.getUnmatched().getFirst();
            List<String> candidates = new ArrayList<>();
            if (word.startsWith("-")) {
                for (OptionSpec option : spec.options()) {
                    candidates.addAll(List.of(option.names()));
                }
                message = "unknown option '" + word + "' for '" + command + "'";
            } else if (!spec.subcommands().isEmpty()) {
                candidates.addAll(spec.subcommands().keySet());
                message = "'" + word + "' is not a '" + command + "' command";
            } else {
                message = "unexpected argument '" + word + "' for '" + command + "'";
            }
            List<String> close = Suggestions.closest(word.replaceFirst("=.*", ""), candidates);
            if (!close.isEmpty()) {
                hints.add("did you mean " + String.join(" or ", close.stream().limit(3).map(s -> "'" + s + "'").toList())
                        + "?");
            }
        }
        hints.add("run '" + command + " --help' for usage");
        return new UsageException(message, hints);
    }
}
