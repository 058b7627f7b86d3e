package dev.hype.cli.test;

import dev.hype.cli.PathArguments;
import dev.hype.cli.HypeCommand;
import dev.hype.cli.Terminal;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.testing.BustedConfig;
import dev.hype.runtime.testing.CoverageReport;
import dev.hype.runtime.testing.LuaPatterns;
import dev.hype.runtime.testing.TestDiscovery;
import dev.hype.runtime.testing.TestFile;
import dev.hype.runtime.testing.TestFileHost;
import dev.hype.runtime.testing.TestOptions;
import dev.hype.runtime.testing.TestRunner;
import dev.hype.runtime.testing.TestSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Run a package's tests: {@code hype test} and {@code hype pkg test}. */
@Command(name = "test", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the package's tests (busted-compatible), each file in a fresh runtime.",
                "The API: describe/it, before_each/after_each, setup/teardown, assert, spy, stub, mock, match.", ""},
        footer = {"", "Without PATHs, runs the 'test' globs of hype.json, else test/**/*_test.lua, test/**/*.test.lua "
                + "and spec/**/*_spec.lua.", "Exit status: 0 when every test passed, 1 on any failure, 2 on a usage error."})
public final class TestCommand implements Callable<Integer> {
    static final String DEFAULT_LCOV = "coverage/lcov.info";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Test files or directories to run.")
    private List<String> paths = new ArrayList<>();

    @Option(names = {"-C", "--dir"}, paramLabel = "DIR", converter = PathArguments.ExistingDirectory.class, description = "Run as if started in DIR.")
    private Path dir;

    @Option(names = {"-t", "--test"}, paramLabel = "NAME",
            description = "Run only tests whose full name contains NAME (repeatable).")
    private List<String> names = new ArrayList<>();

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "Run only tests whose full name matches the Lua PATTERN (repeatable).")
    private List<String> patterns = new ArrayList<>();

    @Option(names = "--filter-out", paramLabel = "PATTERN",
            description = "Skip tests whose full name matches the Lua PATTERN (repeatable).")
    private List<String> excludes = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "TAG", split = ",",
            description = "Run only tests tagged #TAG in their name or an enclosing describe (comma-separated).")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--exclude-tags", paramLabel = "TAG", split = ",", description = "Skip tests tagged #TAG.")
    private List<String> excludeTags = new ArrayList<>();

    @Option(names = "--fail-fast", description = "Stop at the first failing test.")
    private boolean failFast;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Run N files at once (default: the number of cores).")
    private Integer jobs;

    @Option(names = {"-r", "--reporter"}, paramLabel = "NAME", defaultValue = "terminal",
            description = "terminal (default), tap, junit or json.")
    private String reporter;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", converter = PathArguments.OutputFile.class, description = "Write the report to FILE instead of standard output.")
    private Path output;

    @Option(names = {"-v", "--verbose"}, description = "List every test, not only failures and pending ones.")
    private boolean verbose;

    @Option(names = "--coverage", description = "Measure line coverage of the package's own files.")
    private boolean coverage;

    @Option(names = "--coverage-output", paramLabel = "FILE", converter = PathArguments.OutputFile.class, defaultValue = DEFAULT_LCOV,
            description = "Where to write the LCOV file (default: ${DEFAULT-VALUE}).")
    private Path coverageOutput;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Fail a test file whose run takes longer than SECONDS of wall-clock time (default: no limit).")
    private Double timeoutSeconds;

    @Override
    public Integer call() throws IOException {
        Terminal terminal = ((HypeCommand) spec.root().userObject()).terminal();
        Path base = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            throw new ParameterException(spec.commandLine(), "no such directory: " + dir);
        }
        if (!Reporter.NAMES.contains(reporter)) {
            throw new ParameterException(spec.commandLine(), "unknown reporter '" + reporter + "' (choose one of "
                    + String.join(", ", Reporter.NAMES) + ")");
        }
        Path root = packageRoot(base);
        BustedConfig busted = BustedConfig.read(root);
        List<TestFile> files = TestDiscovery.discover(root, base, paths, busted);
        if (files.isEmpty()) {
            terminal.err().println("hype test: no test files found in " + root + " (looked for "
                    + String.join(", ", TestDiscovery.DEFAULT_GLOBS) + ", or the 'test' globs of hype.json)");
        }
        TestSummary summary = run(files, options(root, base, busted), terminal, base);
        if (summary.coverage().isPresent()) {
            boolean machineOutput = !reporter.equals("terminal") && output == null;
            writeCoverage(summary.coverage().get(), base, machineOutput ? terminal.err() : terminal.out());
        }
        return summary.ok() ? 0 : 1;
    }

    private TestOptions options(Path root, Path base, BustedConfig busted) {
        TestOptions options = new TestOptions(root, base, names, or(patterns, busted.filters()),
                or(excludes, busted.filtersOut()), or(tags, busted.tags()), or(excludeTags, busted.excludeTags()),
                failFast, jobs(), coverage, runtimeOptions(), busted.luaPath(), busted.helper());
        checkPatterns("--filter", options.patterns());
        checkPatterns("--filter-out", options.excludePatterns());
        return options;
    }

    /** Run the files, reporting to standard output or to {@code --output}. */
    private TestSummary run(List<TestFile> files, TestOptions options, Terminal terminal, Path base)
            throws IOException {
        if (output == null) {
            Reporter report = Reporter.create(reporter, terminal.out(), terminal.interactive(), verbose);
            return runner().run(files, options, report);
        }
        Path target = base.resolve(output);
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(target), false, StandardCharsets.UTF_8)) {
            return runner().run(files, options, Reporter.create(reporter, out, false, verbose));
        }
    }

    /** The runner; its host decides how each test file's runtime is made and how {@code require} resolves. */
    private static TestRunner runner() {
        return new TestRunner(TestFileHost.moduleSystem());
    }

    private void writeCoverage(CoverageReport report, Path base, PrintStream out) throws IOException {
        Path lcov = base.resolve(coverageOutput);
        if (lcov.getParent() != null) {
            Files.createDirectories(lcov.getParent());
        }
        Path temporary = lcov.resolveSibling(lcov.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, report.toLcov(), StandardCharsets.UTF_8);
            Files.move(temporary, lcov, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        out.print(CoverageText.render(report));
        out.println("LCOV written to " + coverageOutput.toString().replace('\\', '/'));
        out.flush();
    }

    private void checkPatterns(String option, List<String> patterns) {
        for (String pattern : patterns) {
            LuaPatterns.problem(pattern).ifPresent(problem -> {
                throw new ParameterException(spec.commandLine(), option + " '" + pattern
                        + "' is not a valid Lua pattern: " + problem);
            });
        }
    }

    /** Options from the command line win over the same options from {@code .busted}. */
    private static List<String> or(List<String> fromCommandLine, List<String> fromConfig) {
        return fromCommandLine.isEmpty() ? fromConfig : fromCommandLine;
    }

    private int jobs() {
        if (jobs == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        }
        return jobs;
    }

    private RuntimeOptions runtimeOptions() {
        RuntimeOptions options = RuntimeOptions.defaults();
        if (timeoutSeconds != null) {
            if (!(timeoutSeconds > 0) || timeoutSeconds.isInfinite()) {
                throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds, got "
                        + timeoutSeconds);
            }
            options = options.withTimeout(Duration.ofNanos((long) (timeoutSeconds * 1e9)));
        }
        return options;
    }

    /** Return the nearest directory from {@code base} up that holds a {@code hype.json}, else {@code base}. */
    static Path packageRoot(Path base) {
        for (Path d = base; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("hype.json"))) {
                return d;
            }
        }
        return base;
    }
}
