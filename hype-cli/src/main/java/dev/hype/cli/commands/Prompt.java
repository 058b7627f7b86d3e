package dev.hype.cli.commands;

import dev.hype.cli.HypeCommand;
import dev.hype.cli.Terminal;
import dev.hype.runtime.HypeException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Ask the user for a name or a secret: at the terminal (a secret without echo), or, when input is piped, one line
 * of standard input per question, so scripts can log in with {@code printf 'alice\nsecret\n' | hype pkg login}.
 */
final class Prompt {
    private final Terminal terminal;
    private final CommandSpec spec;
    private BufferedReader piped;

    Prompt(CommandSpec spec) {
        this.spec = spec;
        this.terminal = ((HypeCommand) spec.root().userObject()).terminal();
    }

    /** Ask for a line shown as it is typed. */
    String line(String question) {
        Console console = terminal.interactive() ? System.console() : null;
        String answer = console != null ? console.readLine("%s: ", question) : next(question);
        return required(answer, question);
    }

    /** Ask for a secret, not echoed at a terminal. */
    String secret(String question) {
        Console console = terminal.interactive() ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("%s: ", question);
            return required(typed == null ? null : new String(typed), question);
        }
        return required(next(question), question);
    }

    private String next(String question) {
        try {
            if (piped == null) {
                piped = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
            }
            return piped.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String required(String answer, String question) {
        if (answer == null || answer.isBlank()) {
            throw new HypeException("E_USAGE", "no " + question.toLowerCase(java.util.Locale.ROOT) + " given",
                    List.of("type it when asked, or pipe it in on its own line: see '" + spec.qualifiedName()
                            + " --help'"));
        }
        return answer.strip();
    }
}
