package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaStack;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Convert Lua values to Java by the parameter type that receives them, and rank how well each
 * fits, so that {@link Overloads} can choose: {@code long} is a Lua integer's nearest type, then
 * {@code int}, {@code short}, {@code byte}, then floating and character types; a boxed type costs a
 * little more than its primitive, and {@code Object} most. Narrowing is range-checked.
 */
final class Coercion {
    /** The cost of a value that does not convert at all. */
    static final int NO = -1;

    private static final int SUPERTYPE = 15;
    private static final int OBJECT = 20;
    private static final int FLOAT_TO_INTEGER = 30;
    private static final Set<Class<?>> LIST_TYPES = Set.of(List.class, Collection.class, Iterable.class, ArrayList.class);
    private static final Set<Class<?>> MAP_TYPES = Set.of(Map.class, HashMap.class, LinkedHashMap.class);
    private static final Map<Class<?>, Integer> INTEGER_COSTS = Map.ofEntries(
            Map.entry(long.class, 0), Map.entry(Long.class, 1), Map.entry(int.class, 2), Map.entry(Integer.class, 3),
            Map.entry(short.class, 4), Map.entry(Short.class, 5), Map.entry(byte.class, 6), Map.entry(Byte.class, 7),
            Map.entry(double.class, 8), Map.entry(Double.class, 9), Map.entry(float.class, 10), Map.entry(Float.class, 11),
            Map.entry(char.class, 12), Map.entry(Character.class, 13));

    private final Proxies proxies;

    Coercion(Proxies proxies) {
        this.proxies = proxies;
    }

    /**
     * Return the cost of passing {@code a} as {@code type} (lower fits better), or {@link #NO}. A
     * float with an integral value reaches integer types only when {@code loose}: overloads try
     * that only after every candidate failed without it.
     */
    int cost(Argument a, Class<?> type, boolean loose) {
        return switch (a) {
            case Argument.Nil n -> type.isPrimitive() ? NO : 0;
            case Argument.Bool b -> type == boolean.class ? 0 : type == Boolean.class ? 1 : boxCost(Boolean.class, type);
            case Argument.Int i -> integerCost(i.value(), type);
            case Argument.Float f -> floatCost(f.value(), type, loose);
            case Argument.Str s -> stringCost(s, type);
            case Argument.Ref r -> r.target() instanceof StaticClass || !type.isInstance(r.target()) ? NO
                    : r.target().getClass() == type ? 0 : type == Object.class ? OBJECT : SUPERTYPE;
            case Argument.Table t -> tableCost(t, type);
            case Argument.Other o -> NO;
        };
    }

    private static int boxCost(Class<?> box, Class<?> type) {
        return !type.isAssignableFrom(box) ? NO : type == Object.class ? OBJECT : SUPERTYPE;
    }

    private static int integerCost(long v, Class<?> type) {
        Integer cost = INTEGER_COSTS.get(type);
        if (cost == null) {
            return boxCost(Long.class, type);
        }
        return fitsInteger(v, type) ? cost : NO;
    }

    private static int floatCost(double d, Class<?> type, boolean loose) {
        if (type == double.class) {
            return 0;
        }
        if (type == Double.class) {
            return 1;
        }
        if (type == float.class || type == Float.class) {
            return fitsFloat(d) ? (type == float.class ? 2 : 3) : NO;
        }
        Integer cost = INTEGER_COSTS.get(type);
        if (cost != null) {
            return loose && isIntegral(d) && fitsInteger((long) d, type) ? FLOAT_TO_INTEGER + cost : NO;
        }
        return boxCost(Double.class, type);
    }

    private static int stringCost(Argument.Str s, Class<?> type) {
        if (type == String.class) {
            return 0;
        }
        if (type == char.class || type == Character.class) {
            return s.text().length() == 1 ? (type == char.class ? 3 : 4) : NO;
        }
        return type == byte[].class ? 5 : boxCost(String.class, type);
    }

    /** Rank a table as an array, then a list, then a map, so that such overloads are never ambiguous. */
    private static int tableCost(Argument.Table t, Class<?> type) {
        if (type.isArray()) {
            return t.sequence() ? SUPERTYPE : NO;
        }
        if (LIST_TYPES.contains(type)) {
            return t.sequence() ? SUPERTYPE + 1 : NO;
        }
        return MAP_TYPES.contains(type) ? SUPERTYPE + 2 : NO;
    }

    /** Convert {@code a} to {@code type}, or say why it does not convert. */
    Object convert(LuaStack s, Argument a, Class<?> type) {
        return switch (a) {
            case Argument.Nil n -> {
                if (type.isPrimitive()) {
                    throw ConversionError.expected(type, a);
                }
                yield null;
            }
            case Argument.Bool b -> {
                if (cost(a, type, true) == NO) {
                    throw ConversionError.expected(type, a);
                }
                yield b.value();
            }
            case Argument.Int i -> convertInteger(i.value(), type, a);
            case Argument.Float f -> convertFloat(f.value(), type, a);
            case Argument.Str str -> convertString(str, type);
            case Argument.Ref r -> {
                if (cost(a, type, true) == NO) {
                    throw ConversionError.expected(type, a);
                }
                yield r.target();
            }
            case Argument.Table t -> convertTable(s, t, type);
            case Argument.Other o -> throw ConversionError.expected(type, a);
        };
    }

    private static Object convertInteger(long v, Class<?> type, Argument a) {
        if (!INTEGER_COSTS.containsKey(type)) {
            if (boxCost(Long.class, type) == NO) {
                throw ConversionError.expected(type, a);
            }
            return v;
        }
        if (!fitsInteger(v, type)) {
            boolean floating = type == double.class || type == Double.class || type == float.class || type == Float.class;
            throw new ConversionError("integer " + v + (floating ? " has no exact " + type.getTypeName() + " value"
                    : " does not fit in " + type.getTypeName()));
        }
        if (type == long.class || type == Long.class) {
            return v;
        }
        if (type == int.class || type == Integer.class) {
            return (int) v;
        }
        if (type == short.class || type == Short.class) {
            return (short) v;
        }
        if (type == byte.class || type == Byte.class) {
            return (byte) v;
        }
        if (type == double.class || type == Double.class) {
            return (double) v;
        }
        if (type == float.class || type == Float.class) {
            return (float) v;
        }
        return (char) v;
    }

    private static Object convertFloat(double d, Class<?> type, Argument a) {
        if (type == double.class || type == Double.class) {
            return d;
        }
        if (type == float.class || type == Float.class) {
            if (!fitsFloat(d)) {
                throw new ConversionError("number " + ConversionError.number(d) + " does not fit in float");
            }
            return (float) d;
        }
        if (INTEGER_COSTS.containsKey(type)) {
            if (!isIntegral(d)) {
                throw new ConversionError("number " + ConversionError.number(d) + " has no integer representation");
            }
            return convertInteger((long) d, type, a);
        }
        if (boxCost(Double.class, type) == NO) {
            throw ConversionError.expected(type, a);
        }
        return d;
    }

    private static Object convertString(Argument.Str s, Class<?> type) {
        if (type == byte[].class) {
            return s.bytes().clone();
        }
        String text = s.text();
        if (type == char.class || type == Character.class) {
            if (text.length() != 1) {
                throw new ConversionError("char expected, got a string of " + text.length() + " UTF-16 units");
            }
            return text.charAt(0);
        }
        if (boxCost(String.class, type) == NO) {
            throw ConversionError.expected(type, s);
        }
        return text;
    }

    private Object convertTable(LuaStack s, Argument.Table t, Class<?> type) {
        if (cost(t, type, true) == NO) {
            throw t.sequence() || !(type.isArray() || LIST_TYPES.contains(type)) ? ConversionError.expected(type, t)
                    : new ConversionError(type.getTypeName() + " expected, got a table that is not a sequence");
        }
        s.ensureStack(3);
        if (MAP_TYPES.contains(type)) {
            Map<Object, Object> map = new LinkedHashMap<>();
            s.pushNil();
            while (s.next(t.index())) {
                Object key = element(s, -2, Object.class, "key");
                map.put(key, element(s, -1, Object.class, "value at a key"));
                s.pop(1);
            }
            return map;
        }
        int length = Math.toIntExact(s.rawLength(t.index()));
        Class<?> component = type.isArray() ? type.getComponentType() : Object.class;
        Object array = type.isArray() ? Array.newInstance(component, length) : null;
        List<Object> list = type.isArray() ? null : new ArrayList<>(length);
        for (int i = 1; i <= length; i++) {
            s.rawGetIndex(t.index(), i);
            Object value = element(s, -1, component, "element " + i);
            s.pop(1);
            if (array != null) {
                Array.set(array, i - 1, value);
            } else {
                list.add(value);
            }
        }
        return array != null ? array : list;
    }

    private Object element(LuaStack s, int index, Class<?> type, String where) {
        try {
            return convert(s, Argument.read(s, index, proxies), type);
        } catch (ConversionError e) {
            throw new ConversionError(where + " of the table: " + e.getMessage());
        }
    }

    private static boolean fitsInteger(long v, Class<?> type) {
        if (type == long.class || type == Long.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return v == (int) v;
        }
        if (type == short.class || type == Short.class) {
            return v == (short) v;
        }
        if (type == byte.class || type == Byte.class) {
            return v == (byte) v;
        }
        if (type == char.class || type == Character.class) {
            return v == (char) v;
        }
        if (type == double.class || type == Double.class) {
            double d = v;
            return d != 0x1p63 && (long) d == v;
        }
        float f = v;
        return f != 0x1p63f && (long) f == v;
    }

    private static boolean fitsFloat(double d) {
        return !Double.isFinite(d) || Math.abs(d) <= Float.MAX_VALUE;
    }

    private static boolean isIntegral(double d) {
        return d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63;
    }
}
