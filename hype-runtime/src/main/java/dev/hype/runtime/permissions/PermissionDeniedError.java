package dev.hype.runtime.permissions;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;

/**
 * Raise a denial in Lua: a table with {@code code = "PERMISSION_DENIED"}, {@code package},
 * {@code kind}, {@code operation}, {@code resource}, {@code hint} and {@code message}, whose
 * {@code tostring} is the message.
 */
public final class PermissionDeniedError extends LuaError {
    private static final long serialVersionUID = 1L;

    /** The stable code every denial carries. */
    public static final String CODE = "PERMISSION_DENIED";

    private final String packageName;
    private final Kind kind;
    private final String operation;
    private final String resource;
    private final String hint;

    PermissionDeniedError(String packageName, Kind kind, String operation, String resource, String hint) {
        super(CODE + ": " + subject(packageName) + " may not " + kind.verb() + (resource.isEmpty() ? "" : " " + resource)
                + " (" + operation + ")" + (hint.isEmpty() ? "" : "; " + hint));
        this.packageName = packageName;
        this.kind = kind;
        this.operation = operation;
        this.resource = resource;
        this.hint = hint;
    }

    /** Return who a denial names: {@code package 'name'}, or {@code the project} for null. */
    static String subject(String packageName) {
        return packageName == null ? "the project" : "package '" + packageName + "'";
    }

    /** Return the package denied, or null for the project's own code under {@code --sandbox}. */
    public String packageName() {
        return packageName;
    }

    /** Return the kind of permission that was missing. */
    public Kind kind() {
        return kind;
    }

    /** Return the operation that was refused, such as {@code io.open}. */
    public String operation() {
        return operation;
    }

    /** Return the file, host, variable or class that was refused. */
    public String resource() {
        return resource;
    }

    /** Return what would allow it. */
    public String hint() {
        return hint;
    }

    @Override
    public boolean pushesValue() {
        return true;
    }

    @Override
    public void pushValue(LuaStack stack) {
        stack.newTable(0, 7);
        stack.pushString(CODE);
        stack.setField(-2, "code");
        if (packageName != null) {
            stack.pushString(packageName);
            stack.setField(-2, "package");
        }
        stack.pushString(kind.luaName());
        stack.setField(-2, "kind");
        stack.pushString(operation);
        stack.setField(-2, "operation");
        stack.pushString(resource);
        stack.setField(-2, "resource");
        stack.pushString(hint);
        stack.setField(-2, "hint");
        stack.pushString(getMessage());
        stack.setField(-2, "message");
        stack.newTable(0, 2);
        stack.pushString("hype.PermissionDenied");
        stack.setField(-2, "__name");
        stack.pushFunction("__tostring", s -> {
            s.getField(1, "message");
            return 1;
        });
        stack.setField(-2, "__tostring");
        stack.setMetatable(-2);
    }
}
