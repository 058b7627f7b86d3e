package dev.hype.cli;

import dev.hype.cli.commands.PkgCommand;
import dev.hype.cli.commands.RegistryCommand;
import dev.hype.cli.commands.SemverCommand;
import dev.hype.cli.test.TestCommand;
import dev.hype.cli.repl.Repl;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Run a Lua script, a {@code -e} chunk, standard input, or the REPL: the root {@code hype} command. */
@Command(name = "hype", mixinStandardHelpOptions = true,
        subcommands = {SemverCommand.class, PkgCommand.class, RegistryCommand.class, TestCommand.class},
        versionProvider = VersionProvider.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run Lua 5.4 programs with a Node-style module system, and manage their packages.", ""},
        footer = {"", "With no script and a terminal, hype opens the REPL; with input piped in, it runs that input.",
                "Packages under hype_modules/ run with only the permissions hype-lock.json approved for them; "
                        + "--sandbox restricts the project's own code too (docs/permissions.md).",
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

    @Option(names = {"-C", "--conditions"}, paramLabel = "NAME",
            description = "Also match the condition NAME in packages' exports and imports (repeatable).")
    private List<String> conditions = new ArrayList<>();

    @Option(names = "--strict-cycles", description = "Make a circular require an error instead of a warning.")
    private boolean strictCycles;

    @Option(names = "--watch", description = "Run the script, then run it again whenever a file it loaded changes.")
    private boolean watch;

    @Mixin
    private SandboxOptions sandbox = new SandboxOptions();

    @Option(names = "--verbose", description = "Show Java stack traces of internal errors.")
    private boolean verbose;

    @Parameters(paramLabel = "SCRIPT", arity = "0..1", index = "0",
            description = "The Lua file to run, or '-' for standard input.")
    private String script;

    @Parameters(paramLabel = "ARGS", index = "1..*", description = "Arguments for the script: arg[1], arg[2], ... and '...'.")
    private List<String> args = new ArrayList<>();

    /** The names of the subcommands; a first argument that is none of these and no option is a script. */
    static final java.util.Set<String> SUBCOMMANDS = java.util.Set.of("semver", "pkg", "registry", "test", "help");

    HypeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Return whether {@code hype FIRST ...} runs FIRST as a script with no options before it. */
    static boolean isPlainScript(String first) {
        return !first.startsWith("-") && !SUBCOMMANDS.contains(first);
    }

    /** Run {@code script} with {@code scriptArgs} and the default options, without picocli. */
    int runPlain(String script, List<String> scriptArgs) throws IOException {
        this.script = script;
        this.args = new ArrayList<>(scriptArgs);
        return call();
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
        RuntimeOptions options = runtimeOptions();
        if (sandbox.any() && (script == null || script.equals("-") || !chunks.isEmpty())) {
            throw new UsageException("--sandbox and --allow-* need a script file (they do not apply to -e, "
                    + "standard input or the REPL)");
        }
        if (script == null && chunks.isEmpty()) {
            if (terminal.interactive()) {
                return new Repl(terminal, options).withSetup(runtime -> ModuleSystem.install(runtime, moduleOptions())).run();
            }
            return runChunk(options, List.of(), readStdin(), "stdin", List.of());
        }
        if (script != null && !script.equals("-")) {
            if (watch) {
                return new WatchLoop(terminal, Path.of(script), loaded -> runScript(options, loaded)).run();
            }
            return runScript(options, null);
        }
        if (watch) {
            throw new UsageException("--watch needs a script file");
        }
        Chunk main = script == null ? null : readStdin();
        return runChunk(options, chunks, main, script == null ? "" : script, args);
    }

    /** Run the -e chunks then the script as the main module; report the files it loaded to {@code loaded}. */
    private int runScript(RuntimeOptions options, java.util.function.Consumer<java.util.Set<Path>> loaded) {
        try (LuaRuntime runtime = LuaRuntime.create(options);
             Watchdog ignored = Watchdog.start(options.timeout(), terminal)) {
            ModuleSystem modules = ModuleSystem.install(runtime, moduleOptions());
            try {
                for (String code : chunks) {
                    int status = runtime.run(Chunk.ofText(code, "(command line)"), script, args);
                    if (status != 0) {
                        return status;
                    }
                }
                return modules.runMain(Path.of(script), args);
            } finally {
                if (loaded != null) {
                    loaded.accept(modules.loadedFiles());
                }
            }
        }
    }

    private int runChunk(RuntimeOptions options, List<String> inline, Chunk main, String name, List<String> scriptArgs) {
        try (LuaRuntime runtime = LuaRuntime.create(options);
             Watchdog ignored = Watchdog.start(options.timeout(), terminal)) {
            ModuleSystem.install(runtime, moduleOptions());
            for (String code : inline) {
                int status = runtime.run(Chunk.ofText(code, "(command line)"), name, scriptArgs);
                if (status != 0) {
                    return status;
                }
            }
            return main == null ? 0 : runtime.run(main, name, scriptArgs);
        }
    }

    private ModuleOptions moduleOptions() {
        PrintStream err = terminal.err();
        ModuleOptions defaults = ModuleOptions.defaults();
        return defaults
                .withRealms(script == null || script.equals("-") ? defaults.realms()
                        : sandbox.realms(Path.of(script), defaults.hypeHome()))
                .withConditions(conditions)
                .withStrictCycles(strictCycles)
                .withWarnings(line -> {
                    terminal.out().flush();
                    err.println(line);
                    err.flush();
                });
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

    private Chunk readStdin() throws IOException {
        return Chunk.ofText(new String(terminal.in().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "stdin");
    }
}
