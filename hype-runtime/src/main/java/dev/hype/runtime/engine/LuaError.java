package dev.hype.runtime.engine;

/**
 * Raise a Lua error from a {@link JavaFunction}.
 *
 * <p>The error value is either the message (a Lua string) or, when {@link #pushesValue()} is true,
 * whatever {@link #pushValue(LuaStack)} leaves on the stack, for example an error table with
 * {@code code} and {@code path} fields.
 */
public class LuaError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Create an error whose Lua value is the message string. */
    public LuaError(String message) {
        super(message, null, false, false);
    }

    /** Return whether this error pushes its own value instead of the message. */
    public boolean pushesValue() {
        return false;
    }

    /** Push the error value; only called when {@link #pushesValue()} is true. */
    public void pushValue(LuaStack stack) {
        stack.pushString(getMessage());
    }

    /** Create the error Lua's {@code luaL_argerror} raises: {@code bad argument #N to 'fn' (msg)}. */
    public static LuaError badArgument(int argument, String function, String message) {
        return new LuaError("bad argument #" + argument + " to '" + function + "' (" + message + ")");
    }
}
