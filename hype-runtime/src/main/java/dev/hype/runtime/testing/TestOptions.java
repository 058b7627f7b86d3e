package dev.hype.runtime.testing;

import dev.hype.runtime.engine.RuntimeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Configure a run of {@link TestRunner}.
 *
 * @param packageRoot     the package whose tests run: its directory holds {@code hype.json}
 * @param baseDirectory   the directory file names are shown relative to (the working directory)
 * @param names           run only tests whose full name contains one of these (empty: all)
 * @param patterns        run only tests whose full name matches one of these Lua patterns (empty: all)
 * @param excludePatterns skip tests whose full name matches one of these Lua patterns
 * @param tags            run only tests tagged {@code #tag} with one of these (empty: all)
 * @param excludeTags     skip tests tagged with one of these
 * @param failFast        stop at the first failing test
 * @param jobs            how many files run at once
 * @param coverage        gather line coverage of the package's own files
 * @param runtime         the limits of each file's runtime
 * @param luaPath         entries to put before {@code package.path} (from {@code .busted}), or empty
 * @param helper          a file to run before each test file (busted's {@code helper}), if any
 */
public record TestOptions(Path packageRoot, Path baseDirectory, List<String> names, List<String> patterns,
                          List<String> excludePatterns, List<String> tags, List<String> excludeTags,
                          boolean failFast, int jobs, boolean coverage, RuntimeOptions runtime, String luaPath,
                          Optional<Path> helper) {

    /** Validate and copy the lists. */
    public TestOptions {
        names = List.copyOf(names);
        patterns = List.copyOf(patterns);
        excludePatterns = List.copyOf(excludePatterns);
        tags = List.copyOf(tags);
        excludeTags = List.copyOf(excludeTags);
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
    }

    /** Return options that run every test of the package at {@code root}, one file per core. */
    public static TestOptions of(Path root) {
        return new TestOptions(root, root, List.of(), List.of(), List.of(), List.of(), List.of(), false,
                Runtime.getRuntime().availableProcessors(), false, RuntimeOptions.defaults(), "",
                Optional.empty());
    }
}
