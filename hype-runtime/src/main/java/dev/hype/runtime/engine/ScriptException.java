package dev.hype.runtime.engine;

import dev.hype.runtime.HypeException;
import java.util.List;

/**
 * Report a Lua error that no Lua code caught: a runtime error, a syntax error, or a limit.
 *
 * <p>{@link #getMessage()} is Lua's own message ({@code app.lua:3: boom}); {@link #traceback()} is
 * the Lua stack traceback, empty for syntax errors.
 */
public final class ScriptException extends HypeException {
    private static final long serialVersionUID = 1L;

    private final String traceback;

    ScriptException(String code, String message, String traceback, List<String> hints) {
        super(code, message, hints);
        this.traceback = traceback;
    }

    /** Return the Lua stack traceback, or an empty string. */
    public String traceback() {
        return traceback;
    }

    static ScriptException runtimeError(String message, String traceback) {
        return new ScriptException("LUA_ERROR", message, traceback == null ? "" : traceback, List.of());
    }

    static ScriptException syntaxError(String message) {
        return new ScriptException("LUA_SYNTAX_ERROR", message, "", List.of());
    }

    static ScriptException timeout(java.time.Duration limit) {
        return new ScriptException("E_TIMEOUT", "script exceeded the time limit of " + human(limit), "",
                List.of("raise the limit with --timeout SECONDS, or look for an endless loop"));
    }

    private static String human(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + "s" : ms + "ms";
    }
}
