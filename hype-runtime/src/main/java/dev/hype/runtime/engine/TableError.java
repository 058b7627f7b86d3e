package dev.hype.runtime.engine;

import java.util.Map;

/**
 * Raise a Lua error whose value is a table, as Node's errors are objects: the fields of {@link
 * #fields()} plus {@code message}, with a metatable naming the error type ({@code __name}) whose
 * {@code __tostring} is the message.
 */
public abstract class TableError extends LuaError {
    private static final long serialVersionUID = 1L;

    /** Create an error with its message. */
    protected TableError(String message) {
        super(message);
    }

    /** Return the type name the metatable carries, such as {@code fs.Error}. */
    protected abstract String typeName();

    /** Return the fields besides {@code message}, in order; values are strings, numbers or booleans, nulls left out. */
    protected abstract Map<String, Object> fields();

    @Override
    public final boolean pushesValue() {
        return true;
    }

    @Override
    public final void pushValue(LuaStack stack) {
        Map<String, Object> fields = fields();
        stack.newTable(0, fields.size() + 1);
        fields.forEach((key, value) -> {
            switch (value) {
                case null -> {
                    return;
                }
                case String text -> stack.pushString(text);
                case Integer i -> stack.pushInteger(i);
                case Long l -> stack.pushInteger(l);
                case Number n -> stack.pushNumber(n.doubleValue());
                case Boolean b -> stack.pushBoolean(b);
                default -> stack.pushString(value.toString());
            }
            stack.setField(-2, key);
        });
        stack.pushString(getMessage());
        stack.setField(-2, "message");
        stack.newTable(0, 2);
        stack.pushString(typeName());
        stack.setField(-2, "__name");
        stack.pushFunction("__tostring", s -> {
            s.getField(1, "message");
            return 1;
        });
        stack.setField(-2, "__tostring");
        stack.setMetatable(-2);
    }
}
