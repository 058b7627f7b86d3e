package dev.hype.runtime.interop;

import dev.hype.runtime.engine.TableError;
import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Raise an exception a Java method threw as a Lua error table: {@code code = "JAVA_EXCEPTION"},
 * {@code class} (the exception's class name) and {@code message} (its {@code toString()}, such as
 * {@code java.lang.NumberFormatException: For input string: "x"}), whose {@code tostring} is the message.
 */
final class JavaExceptionError extends TableError {
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
    protected String typeName() {
        return "java.Exception";
    }

    @Override
    protected Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", CODE);
        fields.put("class", className);
        return fields;
    }
}
