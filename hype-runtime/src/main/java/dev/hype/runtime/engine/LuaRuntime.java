package dev.hype.runtime.engine;

import java.util.List;

/**
 * Run Lua 5.4 code in one state owned by the thread that created it.
 *
 * <p>Every method must be called from that thread; calls from another thread, or after
 * {@link #close()}, throw {@link IllegalStateException} instead of touching the native state.
 */
public interface LuaRuntime extends AutoCloseable {

    /** Create a runtime with the standard libraries and the given limits. */
    static LuaRuntime create(RuntimeOptions options) {
        return new LuaEngine(options);
    }

    /** Return the Lua release the engine runs, such as {@code Lua 5.4.8}. */
    static String luaRelease() {
        return LuaEngine.LUA_RELEASE;
    }

    /** Return lua.c's version line, such as {@code Lua 5.4.8  Copyright (C) 1994-2025 Lua.org, PUC-Rio}. */
    static String luaCopyright() {
        return LuaEngine.LUA_RELEASE + "  Copyright (C) 1994-2025 Lua.org, PUC-Rio";
    }

    /**
     * Run a main chunk as {@code lua5.4} runs a script: {@code arg} holds {@code scriptName} at 0
     * and the arguments from 1, and {@code ...} holds the arguments.
     *
     * @return the exit status: 0 at the end of the chunk, or the status given to {@code os.exit}
     * @throws ScriptException on a syntax error, an uncaught error, or the time limit
     */
    int run(Chunk chunk, String scriptName, List<String> args);

    /**
     * Run a chunk as lua.c runs {@code -e} code and {@code LUA_INIT}: the {@code arg} table set as
     * {@link #run} sets it, but no values in {@code ...}.
     *
     * @return the exit status, as {@link #run} returns it
     */
    int runCommandLine(Chunk chunk, String scriptName, List<String> args);

    /**
     * Set what {@code arg} holds at negative indices in later runs: the interpreter as invoked
     * first, then the options before the script, as lua.c sets them. The default is the
     * system property {@code hype.argv0} (the launcher passes its {@code $0}), else {@code hype}.
     */
    void setInterpreterArguments(List<String> before);

    /**
     * Run, as {@link #run} runs a chunk, the function that {@code producer} returns; when it
     * returns nil and a message instead, that message is a syntax error.
     *
     * @return the exit status, as {@link #run} returns it
     * @throws ScriptException on a syntax error, an uncaught error, or the time limit
     */
    int runProduced(Chunk producer, String scriptName, List<String> args);

    /**
     * Compile {@code chunk} without running it.
     *
     * @return Lua's syntax error message (e.g. {@code a.lua:3: 'end' expected near <eof>}), or
     *     empty when the chunk compiles
     */
    java.util.Optional<String> syntaxError(Chunk chunk);

    /**
     * Compile {@code chunk} without running it, raising its syntax error.
     *
     * @throws ScriptException with code {@code LUA_SYNTAX_ERROR} when it does not compile
     */
    default void checkSyntax(Chunk chunk) {
        syntaxError(chunk).ifPresent(message -> {
            throw ScriptException.syntaxError(message);
        });
    }

    /** Evaluate one REPL input, as an expression if it is one, else as a statement. */
    EvalResult evaluate(String input);

    /**
     * Let {@link #interrupt()} stop running code, by installing the instruction hook the time limit uses; for the
     * REPL, where Ctrl-C interrupts. Call it from the owner thread before evaluating.
     */
    void enableInterrupts();

    /**
     * Ask the code running now to fail with the error {@code interrupted!} at the line it runs, as {@code lua5.4}
     * does on Ctrl-C; a {@code pcall} can catch it. Safe to call from any thread; without
     * {@link #enableInterrupts()} it has no effect. A request made while nothing runs is dropped by the next
     * {@link #evaluate}.
     */
    void interrupt();

    /** Set a global variable to a Java function. */
    void setGlobal(String name, JavaFunction function);

    /**
     * Run trusted set-up code, passing it the given Java functions as a table, and keep what it
     * returns as the global {@code name} (or discard it when {@code name} is null).
     */
    void install(String name, Chunk chunk, java.util.Map<String, JavaFunction> natives);

    /** Return the bytes Lua's allocator holds now. */
    long memoryInUse();

    /**
     * Close the state (running its finalizers); later calls fail cleanly. Closing twice does nothing.
     * After a run that ended in {@code os.exit(code)} without {@code close}, the state is left for the
     * process's exit, as {@code lua5.4} leaves it: no finalizer runs.
     */
    @Override
    void close();
}
