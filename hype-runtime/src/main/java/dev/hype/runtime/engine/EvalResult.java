package dev.hype.runtime.engine;

/** The outcome of evaluating one REPL input with {@link LuaRuntime#evaluate(String)}. */
public sealed interface EvalResult {

    /** The input ran; {@code display} is its values as {@code lua5.4} prints them, or empty. */
    record Values(String display) implements EvalResult { }

    /** The input is an incomplete chunk: read another line and try again. */
    record Incomplete() implements EvalResult { }

    /** The input failed to compile or raised an error; {@code message} is Lua's message. */
    record Failed(String message) implements EvalResult { }

    /** The input called {@code os.exit}. */
    record Exited(int status) implements EvalResult { }
}
