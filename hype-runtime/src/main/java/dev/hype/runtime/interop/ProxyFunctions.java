package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * Implement the module's functions ({@code import}, {@code instanceof}, {@code class},
 * {@code array}) and the metamethods that are not member access ({@code __tostring},
 * {@code __len}, {@code __eq}, {@code __gc}). Each native takes the proxies' metatable first.
 */
final class ProxyFunctions {
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private final Gate gate;
    private final Proxies proxies;
    private final Coercion coercion;

    ProxyFunctions(Gate gate, Proxies proxies, Coercion coercion) {
        this.gate = gate;
        this.proxies = proxies;
        this.coercion = coercion;
    }

    /** {@code import(mt, name)}: push a class proxy for a public class or interface the realm may use. */
    int importClass(LuaStack s) {
        String name = string(s, 2, 1, "import");
        if (name.endsWith("[]")) {
            throw new LuaError("java.import takes a class name, not an array type ('" + name + "')");
        }
        Class<?> type = gate.load(name, "java.import", true);
        if (type.isPrimitive()) {
            throw new LuaError("java.import takes a class name, not the primitive type '" + name + "'");
        }
        if (!ClassMembers.isPublic(type)) {
            throw new LuaError(name + " is not a public class of an exported package");
        }
        proxies.pushProxy(s, new StaticClass(type));
        return 1;
    }

    /** {@code instanceof(mt, value, name)}: whether {@code value} is a Java object of that type. */
    int isInstance(LuaStack s) {
        Object target = proxies.target(s, 2);
        Class<?> type = type(s, 3, 2, "instanceof");
        s.pushBoolean(target != null && !(target instanceof StaticClass) && type.isInstance(target));
        return 1;
    }

    /** {@code class(mt, proxy)}: the name of the object's class, or of the class a class proxy stands for. */
    int className(LuaStack s) {
        Object target = proxies.target(s, 2);
        if (target == null) {
            throw LuaError.badArgument(1, "class", "Java object expected, got " + s.type(2).luaName());
        }
        s.pushString(target instanceof StaticClass c ? c.type().getName() : target.getClass().getTypeName());
        return 1;
    }

    /** {@code array(mt, type, length or table)}: a new array, zeroed or converted from a sequence. */
    int newArray(LuaStack s) {
        Class<?> component = type(s, 2, 1, "array");
        if (component == void.class) {
            throw LuaError.badArgument(1, "array", "void is not an element type");
        }
        Class<?> arrayType = component.arrayType();
        Object array;
        if (s.type(3) == LuaType.TABLE && proxies.target(s, 3) == null) {
            try {
                array = coercion.convert(s, Argument.read(s, 3, proxies), arrayType);
            } catch (ConversionError e) {
                throw LuaError.badArgument(2, "array", e.getMessage());
            }
        } else {
            if (!s.isInteger(3)) {
                throw LuaError.badArgument(2, "array", "integer or table expected, got " + s.type(3).luaName());
            }
            long length = s.toInteger(3);
            if (length < 0 || length > MAX_ARRAY_LENGTH) {
                throw LuaError.badArgument(2, "array", "length " + length + " out of range");
            }
            array = Array.newInstance(component, (int) length);
        }
        proxies.push(s, array, "java.array");
        return 1;
    }

    /** {@code tostring(mt, proxy)}: Java's {@code toString()}; arrays show their elements. */
    int toText(LuaStack s) {
        Object target = proxies.target(s, 2);
        String text;
        try {
            text = switch (target) {
                case null -> "java object (released)";
                case StaticClass c -> (c.type().isInterface() ? "interface " : "class ") + c.type().getName();
                case Object[] a -> Arrays.deepToString(a);
                case int[] a -> Arrays.toString(a);
                case long[] a -> Arrays.toString(a);
                case double[] a -> Arrays.toString(a);
                case float[] a -> Arrays.toString(a);
                case short[] a -> Arrays.toString(a);
                case byte[] a -> Arrays.toString(a);
                case char[] a -> Arrays.toString(a);
                case boolean[] a -> Arrays.toString(a);
                default -> String.valueOf(target);
            };
        } catch (RuntimeException | StackOverflowError e) {
            throw new JavaExceptionError(e);
        }
        s.pushString(text);
        return 1;
    }

    /** {@code len(mt, proxy)}: the length of an array, the size of a collection or map, a char sequence's length. */
    int length(LuaStack s) {
        Object target = proxies.target(s, 2);
        long n;
        try {
            n = switch (target) {
                case Collection<?> c -> c.size();
                case Map<?, ?> m -> m.size();
                case CharSequence c -> c.length();
                case null -> throw new LuaError("attempt to get length of a released Java object");
                default -> {
                    if (!target.getClass().isArray()) {
                        throw new LuaError("attempt to get length of a " + Proxies.typeName(target)
                                + " (only arrays, collections, maps and char sequences have one)");
                    }
                    yield Array.getLength(target);
                }
            };
        } catch (LuaError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JavaExceptionError(e);
        }
        s.pushInteger(n);
        return 1;
    }

    /** {@code eq(mt, a, b)}: whether two proxies stand for the same object (or the same class). */
    int same(LuaStack s) {
        Object a = proxies.target(s, 2);
        Object b = proxies.target(s, 3);
        s.pushBoolean(a != null && (a == b || a instanceof StaticClass && a.equals(b)));
        return 1;
    }

    /** {@code release(mt, proxy)}: the proxy's {@code __gc}. */
    int release(LuaStack s) {
        proxies.release(s, 2);
        return 0;
    }

    /** Return the type argument at {@code index}: a name such as {@code int[]}, or a class proxy. */
    private Class<?> type(LuaStack s, int index, int shown, String function) {
        if (proxies.target(s, index) instanceof StaticClass c) {
            return c.type();
        }
        return gate.load(string(s, index, shown, function), "java." + function, false);
    }

    private static String string(LuaStack s, int index, int shown, String function) {
        if (s.type(index) != LuaType.STRING) {
            throw LuaError.badArgument(shown, function, "string expected, got " + s.type(index).luaName());
        }
        return s.toText(index);
    }
}
