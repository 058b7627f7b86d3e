package dev.hype.runtime.engine;

/**
 * A function written in Java and callable from Lua.
 *
 * <p>It reads its arguments from the {@link LuaStack} (index 1 is the first argument), pushes its
 * results and returns how many it pushed. To raise a Lua error it throws {@link LuaError}; any
 * other exception becomes a Lua error too, so no Java exception ever crosses into Lua code.
 */
@FunctionalInterface
public interface JavaFunction {
    /** Run the function against the current call's stack and return the number of results. */
    int call(LuaStack stack);
}
