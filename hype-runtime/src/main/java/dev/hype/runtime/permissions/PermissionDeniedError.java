package dev.hype.runtime.permissions;

import dev.hype.runtime.engine.TableError;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Raise a denial in Lua: a table with {@code code = "PERMISSION_DENIED"}, {@code package},
 * {@code kind}, {@code operation}, {@code resource}, {@code hint} and {@code message}, whose
 * {@code tostring} is the message.
 */
public final class PermissionDeniedError extends TableError {
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
    protected String typeName() {
        return "hype.PermissionDenied";
    }

    @Override
    protected Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", CODE);
        fields.put("package", packageName);
        fields.put("kind", kind.luaName());
        fields.put("operation", operation);
        fields.put("resource", resource);
        fields.put("hint", hint);
        return fields;
    }
}
