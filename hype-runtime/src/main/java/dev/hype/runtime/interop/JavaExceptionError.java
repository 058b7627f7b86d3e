package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;

/**
 * Raise an exception a Java method threw as a Lua error table: {@code code = "JAVA_EXCEPTION"},
 * {@code class} (the exception's class name) and {@code message} (its {@code toString()}, such as
 * {@code java.lang.NumberFormatException: For input string: "x"}), whose {@code tostring} is the message.
 */
final class JavaExceptionError extends LuaError {
    private static final long serialVersionUID = 1L;

    /** The stable code of every such error. */
    static final String CODE = "JAVA_EXCEPTION";

    private final String className;

    JavaExceptionError(Throwable thrown) {
        super(describe(thrown));
        this.className = thrown.getClass().getName();
    }

    private static String describe(Throwable thrown) {
        try {
            return thrown.toString();
        } catch (RuntimeException e) {
            return thrown.getClass().getName();
        }
    }

    @Override
    public boolean pushesValue() {
        return true;
    }

    @Override
    public void pushValue(LuaStack stack) {
        stack.newTable(0, 3);
        stack.pushString(CODE);
        stack.setField(-2, "code");
        stack.pushString(className);
        stack.setField(-2, "class");
        stack.pushString(getMessage());
        stack.setField(-2, "message");
        stack.newTable(0, 2);
        stack.pushString("java.Exception");
        stack.setField(-2, "__name");
        stack.pushFunction("__tostring", s -> {
            s.getField(1, "message");
            return 1;
        });
        stack.setField(-2, "__tostring");
        stack.setMetatable(-2);
    }
}
