package dev.hype.cli.repl;

import dev.hype.cli.Terminal;
import dev.hype.runtime.HypeHome;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Read Lua lines, evaluate them and print their values, as {@code lua5.4} does interactively.
 *
 * <p>An expression's values print as {@code print} would print them; an incomplete chunk asks for
 * more lines with {@code >>}; history persists in {@code ~/.hype/history}; Ctrl-D exits and
 * Ctrl-C discards the current input, or, while code runs, stops it with {@code interrupted!} and returns to the
 * prompt, as {@code lua5.4} does. On a terminal, JLine edits lines; over other streams (tests,
 * pipes) lines are read plainly.
 */
public final class Repl {
    private static final String PROMPT = "> ";
    private static final String CONTINUE = ">> ";

    private final Terminal terminal;
    private final RuntimeOptions options;
    private final Path history;
    private java.util.function.Consumer<LuaRuntime> setup = runtime -> { };

    /** Create a REPL over the terminal's streams, keeping history in the default file. */
    public Repl(Terminal terminal, RuntimeOptions options) {
        this(terminal, options, defaultHistory());
    }

    /** Create a REPL that keeps history in {@code history}. */
    public Repl(Terminal terminal, RuntimeOptions options, Path history) {
        this.terminal = terminal;
        this.options = options;
        this.history = history;
    }

    /** Prepare each new runtime with {@code value} (for example, install the module system) before reading input. */
    public Repl withSetup(java.util.function.Consumer<LuaRuntime> value) {
        this.setup = value;
        return this;
    }

    /** Run until end of input or {@code os.exit}; return the exit status. */
    public int run() throws IOException {
        Files.createDirectories(history.toAbsolutePath().getParent());
        try (LineSource lines = terminal.interactive()
                ? new JLineSource(history)
                : new StreamLineSource(terminal.in(), terminal.out(), history);
             LuaRuntime runtime = LuaRuntime.create(options)) {
            setup.accept(runtime);
            runtime.enableInterrupts();
            lines.println("Hype (" + LuaRuntime.luaRelease() + ")  Ctrl-D to exit");
            return loop(lines, runtime);
        }
    }

    /** Run the loop over a runtime that already ran code (lua5.4 -i): it stays open afterwards. */
    public int runWith(LuaRuntime runtime) throws IOException {
        Files.createDirectories(history.toAbsolutePath().getParent());
        try (LineSource lines = terminal.interactive()
                ? new JLineSource(history)
                : new StreamLineSource(terminal.in(), terminal.out(), history)) {
            return loop(lines, runtime);
        }
    }

    private static int loop(LineSource lines, LuaRuntime runtime) throws IOException {
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line = lines.readLine(pending.isEmpty() ? PROMPT : CONTINUE);
            if (line == null) {
                lines.println("");
                return 0;
            }
            if (lines.interrupted()) {
                pending.setLength(0);
                continue;
            }
            if (pending.isEmpty() && line.isBlank()) {
                continue;
            }
            if (!pending.isEmpty()) {
                pending.append('\n');
            }
            pending.append(pending.isEmpty() && line.startsWith("=") ? "return " + line.substring(1) : line);
            EvalResult result;
            try (LineSource.Interrupts _ = lines.interruptsTo(runtime::interrupt)) {
                result = runtime.evaluate(pending.toString());
            }
            if (result instanceof EvalResult.Incomplete) {
                continue;
            }
            pending.setLength(0);
            switch (result) {
                case EvalResult.Values values when !values.display().isEmpty() -> lines.println(values.display());
                case EvalResult.Failed failed -> lines.println(failed.message());
                case EvalResult.Exited exited -> {
                    return exited.status();
                }
                default -> { }
            }
        }
    }

    private static Path defaultHistory() {
        return HypeHome.directory().resolve("history");
    }
}
