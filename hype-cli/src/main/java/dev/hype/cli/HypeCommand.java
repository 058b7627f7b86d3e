package dev.hype.cli;

import dev.hype.cli.repl.Repl;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Run a Lua script, a {@code -e} chunk, standard input, or the REPL: the root {@code hype} command. */
@Command(name = "hype", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false, usageHelpAutoWidth = true,
        subcommands = {dev.hype.cli.test.TestCommand.class, PkgCommand.class},
        description = {"Run Lua 5.4 programs with a Node-style module system, and manage their packages.", ""},
        footer = {"", "With no script and a terminal, hype opens the REPL; with input piped in, it runs that input.",
                "Exit status: 0 ok, 1 on an uncaught error (or the status given to os.exit), 2 on a usage error."})
public final class HypeCommand implements Callable<Integer> {
    private final Terminal terminal;

    @Option(names = "-e", paramLabel = "CODE", description = "Run CODE before the script (repeatable).")
    private List<String> chunks = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop the script with an error after SECONDS of wall-clock time.")
    private Double timeoutSeconds;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Cap Lua's memory at SIZE (e.g. 64m, 1g); allocations past it raise 'not enough memory'.")
    private Long maxMemory;

    @Option(names = "--verbose", description = "Show Java stack traces of internal errors.")
    private boolean verbose;

    @Option(names = "--aot-training", hidden = true, description = "Exercise start-up paths for the AOT cache.")
    private boolean aotTraining;

    @Parameters(paramLabel = "SCRIPT", arity = "0..1", index = "0",
            description = "The Lua file to run, or '-' for standard input.")
    private String script;

    @Parameters(paramLabel = "ARGS", index = "1..*", description = "Arguments for the script: arg[1], arg[2], ... and '...'.")
    private List<String> args = new ArrayList<>();

    HypeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    boolean verbose() {
        return verbose;
    }

    /** Return the streams commands read and write, for subcommands. */
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public Integer call() throws IOException {
        if (aotTraining) {
            return AotTraining.run();
        }
        RuntimeOptions options = runtimeOptions();
        if (script == null && chunks.isEmpty()) {
            if (terminal.interactive()) {
                return new Repl(terminal, options).run();
            }
            return runChunk(options, List.of(), readStdin(), "stdin", List.of());
        }
        Chunk main = null;
        String name = "";
        if (script != null) {
            name = script;
            main = script.equals("-") ? readStdin() : readScript(script);
        }
        return runChunk(options, chunks, main, name, args);
    }

    private int runChunk(RuntimeOptions options, List<String> inline, Chunk main, String name, List<String> scriptArgs) {
        try (LuaRuntime runtime = LuaRuntime.create(options);
             Watchdog ignored = Watchdog.start(options.timeout(), terminal)) {
            for (String code : inline) {
                int status = runtime.run(Chunk.ofText(code, "(command line)"), name, scriptArgs);
                if (status != 0) {
                    return status;
                }
            }
            return main == null ? 0 : runtime.run(main, name, scriptArgs);
        }
    }

    private RuntimeOptions runtimeOptions() {
        RuntimeOptions options = RuntimeOptions.defaults();
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds.isInfinite()) {
                throw new UsageException("--timeout must be a positive number of seconds, got " + timeoutSeconds);
            }
            options = options.withTimeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)));
        }
        if (maxMemory != null) {
            options = options.withMaxMemory(maxMemory);
        }
        return options;
    }

    private Chunk readScript(String path) {
        try {
            return Chunk.ofFile(Files.readAllBytes(Path.of(path)), path);
        } catch (NoSuchFileException e) {
            throw new HypeException("E_SCRIPT_NOT_FOUND", "cannot open " + path + " (no such file)");
        } catch (IOException e) {
            throw new HypeException("E_SCRIPT_UNREADABLE", "cannot read " + path + ": " + e.getMessage());
        }
    }

    private Chunk readStdin() throws IOException {
        return Chunk.ofText(new String(terminal.in().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "stdin");
    }
}
