package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.permissions.Access;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ask the realm's {@link Access} before a class is loaded by name or a value of a class crosses
 * into Lua. An array's class is checked by its element class; arrays of primitives always pass.
 */
final class Gate {
    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "byte", byte.class,
            "char", char.class, "short", short.class, "int", int.class, "long", long.class, "float", float.class,
            "double", double.class);
    private static final Pattern CLASS_NAME =
            Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private final Access access;
    private final ClassLoader loader;

    Gate(Access access, ClassLoader loader) {
        this.access = access;
        this.loader = loader;
    }

    /** Refuse {@code type} unless the realm may use it; {@code operation} names what wanted it. */
    void check(Class<?> type, String operation) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (!element.isPrimitive()) {
            access.checkClass(element.getName(), operation);
        }
    }

    /**
     * Return the type a name stands for ({@code int}, {@code java.util.Map$Entry}, {@code byte[]}),
     * checking the class name before the class is loaded, so a refused class never initialises.
     */
    Class<?> load(String name, String operation, boolean initialize) {
        String base = name;
        int dimensions = 0;
        while (base.endsWith("[]")) {
            base = base.substring(0, base.length() - 2);
            dimensions++;
        }
        Class<?> type = PRIMITIVES.get(base);
        if (type == null) {
            type = loadClass(base, operation, initialize);
        }
        for (int i = 0; i < dimensions; i++) {
            type = type.arrayType();
        }
        return type;
    }

    private Class<?> loadClass(String name, String operation, boolean initialize) {
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new LuaError("'" + name + "' is not a Java class name (use the binary name, such as java.util.Map$Entry)");
        }
        access.checkClass(name, operation);
        Class<?> type;
        try {
            type = Class.forName(name, initialize, loader);
        } catch (ClassNotFoundException e) {
            throw new LuaError("no Java class " + name + nestedHint(name));
        } catch (ExceptionInInitializerError e) {
            throw new JavaExceptionError(e.getCause() == null ? e : e.getCause());
        } catch (LinkageError e) {
            throw new LuaError("cannot load Java class " + name + ": " + e);
        }
        if (!type.getName().equals(name)) {
            throw new LuaError("no Java class " + name);
        }
        return type;
    }

    /** Suggest the binary name when a name looks like a nested class written with dots. */
    private static String nestedHint(String name) {
        String[] segments = name.split("\\.");
        for (int i = 0; i < segments.length - 1; i++) {
            if (Character.isUpperCase(segments[i].charAt(0))) {
                String outer = String.join(".", java.util.Arrays.copyOfRange(segments, 0, i + 1));
                String inner = String.join("$", java.util.Arrays.copyOfRange(segments, i + 1, segments.length));
                return " (a nested class is named with $: " + outer + "$" + inner + ")";
            }
        }
        return "";
    }
}
