package dev.hype.runtime.engine;

import java.nio.charset.StandardCharsets;

/**
 * The stack of one call from Lua into a {@link JavaFunction}, or of the runtime itself.
 *
 * <p>Indices follow the Lua C API: 1 is the bottom (the first argument), -1 the top. Strings cross
 * as UTF-8 bytes, so every Lua string, binary or not, round-trips unchanged. Integers stay
 * {@code long}; only floats are {@code double}.
 */
public interface LuaStack {
    /** Return the number of values on the stack. */
    int top();

    /** Set the number of values on the stack, dropping values or filling with nil. */
    void setTop(int top);

    /** Pop {@code n} values. */
    default void pop(int n) {
        setTop(top() - n);
    }

    /** Return the type of the value at {@code index}. */
    LuaType type(int index);

    /** Return whether the value at {@code index} is an integer (not a float, not a string). */
    boolean isInteger(int index);

    /** Return the value at {@code index} as Lua's truthiness sees it. */
    boolean toBoolean(int index);

    /** Return the integer at {@code index}, converting floats with an exact integer value. */
    long toInteger(int index);

    /** Return the number at {@code index} as a double. */
    double toNumber(int index);

    /** Return the raw bytes of the string (or number) at {@code index}, or null. */
    byte[] toBytes(int index);

    /** Return the string at {@code index} decoded as UTF-8, or null. */
    default String toText(int index) {
        byte[] bytes = toBytes(index);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Return the raw length of the string or table at {@code index}. */
    long rawLength(int index);

    /** Push nil. */
    void pushNil();

    /** Push a boolean. */
    void pushBoolean(boolean value);

    /** Push an integer. */
    void pushInteger(long value);

    /** Push a float. */
    void pushNumber(double value);

    /** Push a string as its UTF-8 bytes ({@link EscapedBytes} escapes as the bytes they stand for). */
    default void pushString(String value) {
        pushBytes(EscapedBytes.encode(value));
    }

    /** Push a Lua string holding exactly these bytes. */
    void pushBytes(byte[] value);

    /** Push a Java function; {@code name} is what Lua-style argument errors call it. */
    void pushFunction(String name, JavaFunction function);

    /** Push a copy of the value at {@code index}. */
    void pushValue(int index);

    /** Push a new table with room for {@code arraySize} and {@code hashSize} entries. */
    void newTable(int arraySize, int hashSize);

    /** Pop a value and store it as {@code table[key]}, honouring metamethods. */
    void setField(int tableIndex, String key);

    /** Push {@code table[key]}, honouring metamethods. */
    void getField(int tableIndex, String key);

    /** Pop a key and a value (the value on top) and store {@code table[key] = value} without metamethods. */
    void rawSet(int tableIndex);

    /** Pop a value and store it as {@code table[i]} without metamethods. */
    void rawSetIndex(int tableIndex, long i);

    /** Push {@code table[i]} without metamethods. */
    void rawGetIndex(int tableIndex, long i);

    /** Pop a key, push the next key and value of the table, or push nothing and return false. */
    boolean next(int tableIndex);

    /**
     * Compile {@code chunk} and push it as a function without running it; raise its syntax error
     * as a {@link LuaError} instead.
     */
    void load(Chunk chunk);

    /** Pop a table and set it as the metatable of the value at {@code index}. */
    void setMetatable(int index);

    /** Push the metatable of the value at {@code index} and return true, or push nothing and return false. */
    boolean getMetatable(int index);

    /** Return an identity for the table, function, thread or userdata at {@code index}, or 0. */
    long identity(int index);

    /** Make room for {@code extra} more values, or raise a Lua error when the stack cannot grow. */
    void ensureStack(int extra);

    /** Return an absolute index for {@code index}. */
    int absIndex(int index);

    // Argument checks, raising errors worded exactly as Lua's own auxiliary library words them.

    /** Return the string argument {@code arg} of {@code function}, or raise a bad-argument error. */
    default String checkString(int arg, String function) {
        return new String(checkBytes(arg, function), StandardCharsets.UTF_8);
    }

    /** Return the raw bytes of string argument {@code arg}, or raise a bad-argument error. */
    default byte[] checkBytes(int arg, String function) {
        LuaType t = type(arg);
        if (t != LuaType.STRING && t != LuaType.NUMBER) {
            throw typeError(arg, function, "string");
        }
        return toBytes(arg);
    }

    /** Check that argument {@code arg} is a table, or raise a bad-argument error. */
    default void checkTable(int arg, String function) {
        if (type(arg) != LuaType.TABLE) {
            throw typeError(arg, function, "table");
        }
    }

    /** Return string argument {@code arg}, or {@code fallback} when it is absent or nil. */
    default String optString(int arg, String function, String fallback) {
        LuaType t = type(arg);
        return t == LuaType.NONE || t == LuaType.NIL ? fallback : checkString(arg, function);
    }

    /** Build the error {@code bad argument #arg to 'function' (expected expected, got actual)}. */
    default LuaError typeError(int arg, String function, String expected) {
        LuaType t = type(arg);
        String got = t == LuaType.NONE ? "no value" : t.luaName();
        return LuaError.badArgument(arg, function, expected + " expected, got " + got);
    }
}
