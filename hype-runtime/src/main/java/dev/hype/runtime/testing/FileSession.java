package dev.hype.runtime.testing;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.ScriptException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Run one test file in its own runtime, on the calling thread, and collect what it reports. */
final class FileSession {
    private static final Chunk EXECUTE = Chunk.ofText(
            "return debug.getregistry()['hype.test']._execute()", "hype test");
    private static final Chunk FINISH = Chunk.ofText(
            "debug.getregistry()['hype.test']._finish()", "hype test");
    private static final Pattern POSITION = Pattern.compile("^(.+?:\\d+): ");

    private final TestFile file;
    private final TestOptions options;
    private final BooleanSupplier stopRequested;
    private final CoverageCollector coverage;
    private final List<TestResult> results = new ArrayList<>();
    private final StringBuilder output = new StringBuilder();

    FileSession(TestFile file, TestOptions options, BooleanSupplier stopRequested, CoverageCollector coverage) {
        this.file = file;
        this.options = options;
        this.stopRequested = stopRequested;
        this.coverage = coverage;
    }

    FileResult run(TestFileHost host) {
        long start = System.nanoTime();
        try (TestFileRuntime hosted = host.open(options.packageRoot(), options.runtime())) {
            LuaRuntime runtime = hosted.runtime();
            runtime.install(null, TestModule.compiledChunk(), natives());
            try {
                int status = prepare(hosted);
                if (status == 0) {
                    status = hosted.runFile(file);
                }
                if (status != 0) {
                    fileError("the test file called os.exit(" + status + ")", "", "");
                } else {
                    status = runtime.run(EXECUTE, file.displayName(), List.of());
                    if (status != 0) {
                        fileError("a test called os.exit(" + status + "); the file's remaining tests did not run", "", "");
                    }
                }
            } catch (ScriptException e) {
                fileError(e.getMessage(), e.traceback(), "");
            } catch (IOException e) {
                fileError("cannot read " + file.displayName() + ": " + e.getMessage(), "", "");
            } finally {
                runtime.run(FINISH, file.displayName(), List.of());
            }
        } catch (ScriptException e) {
            fileError(e.getMessage(), e.traceback(), "");
        } catch (HypeException e) {
            fileError(e.getMessage(), "", "");
        }
        return new FileResult(file.path(), file.displayName(), results, output.toString(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Apply {@code .busted}'s {@code lpath} and run its helper, as busted does before each file. */
    private int prepare(TestFileRuntime hosted) throws IOException {
        LuaRuntime runtime = hosted.runtime();
        if (!options.luaPath().isEmpty()) {
            runtime.run(Chunk.ofText("package.path = " + LuaStrings.quote(options.luaPath() + ";")
                    + " .. package.path", "hype test"), file.displayName(), List.of());
        }
        if (options.helper().isPresent()) {
            return hosted.runFile(TestDiscovery.testFile(options.helper().get(), options.baseDirectory()));
        }
        return 0;
    }

    private void fileError(String message, String traceback, String location) {
        Matcher m = POSITION.matcher(message == null ? "" : message);
        String failedAt = m.find() ? m.group(1) : location;
        String trace = traceback;
        if (trace.startsWith(message + "\n")) {
            trace = trace.substring(message.length() + 1);
        }
        results.add(new TestResult("", file.displayName(), TestStatus.ERROR, file.displayName(), failedAt,
                message, trace, Duration.ZERO));
    }

    private Map<String, JavaFunction> natives() {
        Map<String, JavaFunction> natives = new HashMap<>();
        natives.put("report", s -> {
            results.add(new TestResult(s.toText(2), s.toText(3), TestStatus.fromLua(s.toText(1)), s.toText(4),
                    s.toText(5), s.toText(6), s.toText(7), Duration.ofNanos((long) (s.toNumber(8) * 1e9))));
            return 0;
        });
        natives.put("output", s -> {
            output.append(s.toText(1));
            return 0;
        });
        natives.put("options", s -> {
            s.pushString(String.join("\n", options.names()));
            s.pushString(String.join("\n", options.patterns()));
            s.pushString(String.join("\n", options.excludePatterns()));
            s.pushString(String.join("\n", options.tags()));
            s.pushString(String.join("\n", options.excludeTags()));
            s.pushBoolean(options.failFast());
            return 6;
        });
        natives.put("should_stop", s -> {
            s.pushBoolean(stopRequested.getAsBoolean());
            return 1;
        });
        natives.put("clock", s -> {
            s.pushNumber(System.nanoTime() / 1e9);
            return 1;
        });
        if (coverage != null) {
            natives.put("coverage", s -> {
                coverage.record(s.toText(1), s.toText(2));
                return 0;
            });
        }
        return natives;
    }
}
