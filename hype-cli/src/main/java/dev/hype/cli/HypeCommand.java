package dev.hype.cli;

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
// The subcommands are in CommandTree, which adds only those the arguments need.
@Command(name = "hype", mixinStandardHelpOptions = true,
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

    @Option(names = "-l", paramLabel = "NAME", description = {"Require NAME into the global NAME before the script, "
            + "or with G=NAME into the global G (repeatable; in order with -e)."})
    private List<String> libraries = new ArrayList<>();

    @Option(names = "-i", description = "Enter the REPL after running the script.")
    private boolean interactive;

    @Option(names = "-v", description = "Print the Lua version.")
    private boolean luaVersion;

    @Option(names = "-E", description = "Ignore LUA_INIT, LUA_PATH and LUA_CPATH (and their _5_4 variants).")
    private boolean ignoreEnvironment;

    @Option(names = "-W", description = "Turn warnings on.")
    private boolean warnings;

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

    /** The arguments as given, for lua.c's arg table and the order of -e and -l. */
    private List<String> rawArgs = List.of();

    HypeCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** Record the arguments as given (after the interpreter), before picocli parses them. */
    void setRawArgs(List<String> value) {
        rawArgs = List.copyOf(value);
    }

    /** Return whether {@code hype FIRST ...} runs FIRST as a script with no options before it. */
    static boolean isPlainScript(String first) {
        return !first.startsWith("-") && !SUBCOMMANDS.contains(first);
    }

    /** Run {@code script} with {@code scriptArgs} and the default options, without picocli. */
    int runPlain(String script, List<String> scriptArgs) throws IOException {
        this.script = script;
        this.args = new ArrayList<>(scriptArgs);
        List<String> raw = new ArrayList<>();
        raw.add(script);
        raw.addAll(scriptArgs);
        this.rawArgs = raw;
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
        if (script != null && !script.equals("-")) {
            Path file;
            try {
                file = Path.of(script);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("cannot open " + script + ": " + e.getReason());
            }
            if (!java.nio.file.Files.exists(file)) {
                throw missingScript(script);
            }
        }
        RuntimeOptions options = runtimeOptions();
        LuaCommandLine commandLine = LuaCommandLine.of(LuaCommandLine.argv0(), rawArgs, script != null, args.size());
        boolean inline = !commandLine.actions().isEmpty();
        if (sandbox.any() && (script == null || script.equals("-") || inline)) {
            throw new UsageException("--sandbox and --allow-* need a script file (they do not apply to -e, -l, "
                    + "standard input or the REPL)");
        }
        if (luaVersion || interactive) {
            terminal.out().println(LuaRuntime.luaCopyright());
            terminal.out().flush();
        }
        if (script == null && !inline && !interactive) {
            if (luaVersion) {
                return 0;
            }
            if (terminal.interactive()) {
                return new Repl(terminal, options).withSetup(runtime -> {
                    prepare(runtime, commandLine);
                    try {
                        runCommandLine(runtime, commandLine);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).run();
            }
            return runChunk(options, commandLine, readStdin(), "stdin");
        }
        if (script != null && !script.equals("-")) {
            if (watch) {
                return new WatchLoop(terminal, Path.of(script), loaded -> runScript(options, commandLine, loaded)).run();
            }
            return runScript(options, commandLine, null);
        }
        if (watch) {
            throw new UsageException("--watch needs a script file");
        }
        Chunk main = script == null ? null : readStdin();
        return runChunk(options, commandLine, main, script == null ? "" : script);
    }

    /** Prepare a runtime as lua.c does before the script: the arg table, warnings, the module system. */
    private ModuleSystem prepare(LuaRuntime runtime, LuaCommandLine commandLine) {
        runtime.setInterpreterArguments(commandLine.before());
        ModuleSystem modules = ModuleSystem.install(runtime, moduleOptions());
        if (warnings) {
            runtime.runCommandLine(Chunk.ofText("warn('@on')", "[hype] -W"), scriptName(), argTable());
        }
        return modules;
    }

    private String scriptName() {
        return script == null ? LuaCommandLine.argv0() : script;
    }

    /** What arg holds from 1: the script's arguments, or every argument when there is no script. */
    private List<String> argTable() {
        return script == null ? rawArgs : args;
    }

    /**
     * Run LUA_INIT, then the -e chunks and -l libraries in order, as lua.c does; return the first
     * non-zero status, or 0.
     */
    private int runCommandLine(LuaRuntime runtime, LuaCommandLine commandLine) throws IOException {
        if (!ignoreEnvironment) {
            Chunk init = luaInit();
            if (init != null) {
                int status = runtime.runCommandLine(init, scriptName(), argTable());
                if (status != 0) {
                    return status;
                }
            }
        }
        for (LuaCommandLine.Action action : commandLine.actions()) {
            Chunk chunk = action.library() ? library(action.value()) : Chunk.ofText(action.value(), "(command line)");
            int status = runtime.runCommandLine(chunk, scriptName(), argTable());
            if (status != 0) {
                return status;
            }
        }
        return 0;
    }

    /** lua.c's LUA_INIT_5_4 or LUA_INIT: {@code @FILE} runs the file, anything else runs as code. */
    private static Chunk luaInit() throws IOException {
        String name = "LUA_INIT_5_4";
        String value = System.getenv(name);
        if (value == null) {
            name = "LUA_INIT";
            value = System.getenv(name);
        }
        if (value == null) {
            return null;
        }
        if (value.startsWith("@")) {
            String file = value.substring(1);
            try {
                return Chunk.ofFile(java.nio.file.Files.readAllBytes(Path.of(file)), file);
            } catch (java.nio.file.NoSuchFileException e) {
                return Chunk.ofText("error('cannot open " + file.replace("\\", "\\\\").replace("'", "\\'") + "', 0)",
                        "[hype] " + name);
            }
        }
        return Chunk.ofText(value, name);
    }

    /** {@code -l NAME} or {@code -l G=NAME}: the global G (or NAME) holds require(NAME). */
    private static Chunk library(String spec) {
        // lua.c: without "g=", the global name is the module name cut at its first '-' (a version suffix).
        int equals = spec.indexOf('=');
        int suffix = spec.indexOf('-');
        String global = equals >= 0 ? spec.substring(0, equals) : suffix >= 0 ? spec.substring(0, suffix) : spec;
        String module = equals < 0 ? spec : spec.substring(equals + 1);
        return Chunk.ofText("_G[" + luaString(global) + "] = require(" + luaString(module) + ")", "[hype] -l");
    }

    private static String luaString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            out.append('\\').append(b & 0xff);
        }
        return out.append('"').toString();
    }

    /** Run LUA_INIT, the -e and -l options, then the script as the main module; report the files it loaded. */
    private int runScript(RuntimeOptions options, LuaCommandLine commandLine,
                          java.util.function.Consumer<java.util.Set<Path>> loaded) {
        try (LuaRuntime runtime = LuaRuntime.create(options);
             Watchdog _ = Watchdog.start(options.timeout(), terminal)) {
            ModuleSystem modules = prepare(runtime, commandLine);
            try {
                int status = runCommandLine(runtime, commandLine);
                if (status != 0) {
                    return status;
                }
                status = modules.runMain(Path.of(script), args);
                if (status == 0 && interactive) {
                    return new Repl(terminal, options).runWith(runtime);
                }
                return status;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                if (loaded != null) {
                    loaded.accept(modules.loadedFiles());
                }
            }
        }
    }

    private int runChunk(RuntimeOptions options, LuaCommandLine commandLine, Chunk main, String name) throws IOException {
        try (LuaRuntime runtime = LuaRuntime.create(options);
             Watchdog _ = Watchdog.start(options.timeout(), terminal)) {
            prepare(runtime, commandLine);
            int status = runCommandLine(runtime, commandLine);
            if (status != 0) {
                return status;
            }
            status = main == null ? 0 : runtime.run(main, name, args);
            if (status == 0 && interactive) {
                return new Repl(terminal, options).runWith(runtime);
            }
            return status;
        }
    }

    /** Return the error for a script that does not exist, suggesting the command it may have been meant as. */
    static dev.hype.runtime.HypeException missingScript(String script) {
        List<String> hints = new ArrayList<>();
        if (!script.contains("/") && !script.contains("\\") && !script.endsWith(".lua")) {
            List<String> commands = new ArrayList<>();
            SUBCOMMANDS.stream().filter(name -> !name.equals("help")).forEach(name -> commands.add("hype " + name));
            for (CommandTree.Entry sub : CommandTree.PKG) {
                commands.add("hype pkg " + sub.name());
                for (String alias : sub.aliases()) {
                    commands.add("hype pkg " + alias);
                }
            }
            List<String> byWord = commands.stream().map(c -> c.substring(c.lastIndexOf(' ') + 1)).toList();
            List<String> close = Suggestions.closest(script, byWord);
            List<String> exact = byWord.contains(script) ? List.of(script) : close;
            exact.stream().limit(2).forEach(word -> hints.add("did you mean '" + commands.get(byWord.indexOf(word)) + "'?"));
        }
        return new dev.hype.runtime.HypeException("E_SCRIPT_NOT_FOUND", "cannot open " + script + " (no such file)", hints);
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
        RuntimeOptions options = RuntimeOptions.defaults().withIgnoreEnvironment(ignoreEnvironment);
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
