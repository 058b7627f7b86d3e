package dev.hype.runtime.testing;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.engine.ScriptException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Create the runtime a test file runs in, and run the file in it: the one place that decides how
 * test files resolve {@code require}.
 *
 * <p>The runner calls both methods on one worker thread, then closes the runtime on that thread.
 * Between them it installs the test API, so the file sees {@code describe}, {@code it}, ...
 */
public interface TestFileHost {

    /** Create a fresh runtime for a test file of the package at {@code packageRoot}. */
    LuaRuntime open(Path packageRoot, RuntimeOptions options);

    /**
     * Run the test file's main chunk, which registers its tests.
     *
     * @return the exit status the chunk gave {@code os.exit}, or 0
     * @throws ScriptException when the file does not compile or raises an error
     * @throws IOException     when the file cannot be read
     */
    default int runFile(LuaRuntime runtime, TestFile file) throws IOException {
        byte[] source = Files.readAllBytes(file.path());
        return runtime.run(Chunk.ofFile(source, file.displayName()), file.displayName(), List.of());
    }

    /**
     * Return the host that uses a plain runtime whose {@code package.path} starts with the package's
     * own layouts: {@code ?.lua}, {@code ?/init.lua}, {@code src/?.lua}, {@code lua/?.lua}, ...
     */
    static TestFileHost packagePath() {
        return new PackagePathHost();
    }
}
