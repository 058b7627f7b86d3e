package dev.hype.cli.repl;

import dev.hype.cli.Terminal;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.TerminalBuilder;

/**
 * Read Lua lines, evaluate them and print their values, as {@code lua5.4} does interactively.
 *
 * <p>An expression's values print as {@code print} would print them; an incomplete chunk asks for
 * more lines with {@code >>}; history persists in {@code ~/.hype/history}; Ctrl-D exits and
 * Ctrl-C discards the current input.
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
        this.options = options.withTimeout(java.time.Duration.ZERO);
        this.history = history;
    }

    /** Prepare each new runtime with {@code value} (for example, install the module system) before reading input. */
    public Repl withSetup(java.util.function.Consumer<LuaRuntime> value) {
        this.setup = value;
        return this;
    }

    /** Run until end of input or {@code os.exit}; return the exit status. */
    public int run() throws IOException {
        Files.createDirectories(history.getParent());
        try (org.jline.terminal.Terminal console = terminal.interactive()
                ? TerminalBuilder.builder().system(true).build()
                : TerminalBuilder.builder().system(false).streams(terminal.in(), terminal.out())
                        .dumb(true).type("dumb").build();
             LuaRuntime runtime = LuaRuntime.create(options)) {
            setup.accept(runtime);
            LineReader reader = LineReaderBuilder.builder().terminal(console).appName("hype")
                    .variable(LineReader.HISTORY_FILE, history)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            PrintWriter out = console.writer();
            out.println("Hype " + version() + " (" + LuaRuntime.luaRelease() + ")  Ctrl-D to exit");
            out.flush();
            int status = loop(reader, runtime, out);
            reader.getHistory().save();
            return status;
        }
    }

    private int loop(LineReader reader, LuaRuntime runtime, PrintWriter out) {
        StringBuilder pending = new StringBuilder();
        while (true) {
            String line;
            try {
                line = reader.readLine(pending.isEmpty() ? PROMPT : CONTINUE);
            } catch (UserInterruptException e) {
                pending.setLength(0);
                continue;
            } catch (EndOfFileException e) {
                out.println();
                out.flush();
                return 0;
            }
            if (pending.isEmpty() && line.isBlank()) {
                continue;
            }
            if (!pending.isEmpty()) {
                pending.append('\n');
            }
            pending.append(pending.isEmpty() && line.startsWith("=") ? "return " + line.substring(1) : line);
            EvalResult result = runtime.evaluate(pending.toString());
            switch (result) {
                case EvalResult.Incomplete incomplete -> {
                    continue;
                }
                case EvalResult.Values values -> {
                    if (!values.display().isEmpty()) {
                        out.println(values.display());
                    }
                }
                case EvalResult.Failed failed -> out.println(failed.message());
                case EvalResult.Exited exited -> {
                    out.flush();
                    return exited.status();
                }
            }
            out.flush();
            pending.setLength(0);
        }
    }

    private static String version() {
        Package pkg = Repl.class.getPackage();
        String v = pkg == null ? null : pkg.getImplementationVersion();
        return v == null ? "" : v;
    }

    private static Path defaultHistory() {
        String home = System.getenv("HYPE_HOME");
        Path base = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".hype");
        return base.resolve("history");
    }
}
