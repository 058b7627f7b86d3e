package dev.hype.runtime.testing;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** One test file's runtime, made by a {@link TestFileHost}, and how that file's main chunk runs in it. */
public interface TestFileRuntime extends AutoCloseable {

    /** Return the runtime; the runner installs the test API into it before {@link #runFile}. */
    LuaRuntime runtime();

    /**
     * Run the test file's main chunk, which registers its tests.
     *
     * @return the exit status the chunk gave {@code os.exit}, or 0
     * @throws dev.hype.runtime.engine.ScriptException when the file does not compile or raises an error
     * @throws IOException when the file cannot be read
     */
    int runFile(TestFile file) throws IOException;

    /** Close the runtime. */
    @Override
    default void close() {
        runtime().close();
    }

    /** How a file's main chunk runs. */
    @FunctionalInterface
    interface FileRunner {
        /** Run the file; see {@link TestFileRuntime#runFile}. */
        int run(TestFile file) throws IOException;
    }

    /** Return a runtime whose files run with {@code runner}. */
    static TestFileRuntime of(LuaRuntime runtime, FileRunner runner) {
        return new TestFileRuntime() {
            @Override
            public LuaRuntime runtime() {
                return runtime;
            }

            @Override
            public int runFile(TestFile file) throws IOException {
                return runner.run(file);
            }
        };
    }

    /** Return a runtime whose files run as plain chunks named by their display name. */
    static TestFileRuntime plain(LuaRuntime runtime) {
        return of(runtime, file -> runtime.run(Chunk.ofFile(Files.readAllBytes(file.path()), file.displayName()),
                file.displayName(), List.of()));
    }
}
