import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.testing.FileResult;
import dev.hype.runtime.testing.TestDiscovery;
import dev.hype.runtime.testing.TestFile;
import dev.hype.runtime.testing.TestFileHost;
import dev.hype.runtime.testing.TestOptions;
import dev.hype.runtime.testing.TestRunner;
import dev.hype.runtime.testing.TestSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measure the test runner's overhead per file: N trivial spec files (one describe, one it, one
 * assertion) run in-process, after warm-up, with one job and with one job per core.
 *
 * Run: java --enable-native-access=ALL-UNNAMED -cp "hype-cli/target/dist/lib/*" bench/testrunner/TestRunnerOverhead.java [N] [ROUNDS]
 */
public final class TestRunnerOverhead {
    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path root = Files.createTempDirectory("hype-bench");
        Files.createDirectories(root.resolve("spec"));
        for (int i = 0; i < files; i++) {
            Files.writeString(root.resolve(String.format("spec/t%03d_spec.lua", i)), """
                    describe("trivial", function()
                      it("adds", function() assert.are.equal(2, 1 + 1) end)
                    end)
                    """);
        }
        List<TestFile> list = TestDiscovery.discover(root, root, List.of());
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "%d files, %d rounds after warm-up, %d cores, %s%n", files, rounds, cores,
                System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "bare LuaRuntime create+close: %.2f ms%n", bareRuntime(200));
        for (int jobs : List.of(1, cores)) {
            TestOptions options = withJobs(root, jobs);
            TestRunner runner = new TestRunner(TestFileHost.packagePath());
            for (int i = 0; i < 3; i++) {
                run(runner, list, options);
            }
            long best = Long.MAX_VALUE;
            long total = 0;
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                TestSummary summary = run(runner, list, options);
                long took = System.nanoTime() - start;
                if (summary.passed() != files) {
                    throw new IllegalStateException("expected every test to pass");
                }
                best = Math.min(best, took);
                total += took;
            }
            System.out.printf(Locale.ROOT, "jobs=%d: mean %.1f ms per run, best %.1f ms; %.2f ms per file (mean)%n",
                    jobs, total / 1e6 / rounds, best / 1e6, total / 1e6 / rounds / files);
        }
    }

    private static double bareRuntime(int n) {
        for (int i = 0; i < 50; i++) {
            LuaRuntime.create(RuntimeOptions.defaults()).close();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LuaRuntime.create(RuntimeOptions.defaults()).close();
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    private static TestOptions withJobs(Path root, int jobs) {
        TestOptions o = TestOptions.of(root);
        return new TestOptions(o.packageRoot(), o.baseDirectory(), o.names(), o.patterns(), o.excludePatterns(),
                o.tags(), o.excludeTags(), false, jobs, false, o.runtime(), o.luaPath(), o.helper());
    }

    private static TestSummary run(TestRunner runner, List<TestFile> list, TestOptions options) {
        return runner.run(list, options, (FileResult r) -> { });
    }
}
