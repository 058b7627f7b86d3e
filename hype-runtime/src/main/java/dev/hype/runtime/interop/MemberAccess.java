package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Reach the members of classes and objects behind proxies: {@code obj.field}, {@code obj:method()},
 * {@code Cls.STATIC}, {@code Cls.method()}, {@code Cls.new()}, array elements. Every native takes
 * the proxies' metatable first, then the proxy. The receiver's class is checked before each call
 * or field access, and every object that comes back is checked by {@link Proxies#push}.
 */
final class MemberAccess {
    /** What {@code index} found: a value (pushed after the kind), or a method, static method or constructor. */
    static final int VALUE = 0;
    static final int METHOD = 1;
    static final int STATIC_METHOD = 2;
    static final int CONSTRUCTOR = 3;

    private final Gate gate;
    private final Proxies proxies;
    private final Coercion coercion;
    private final Overloads overloads;
    private final ClassValue<ClassMembers> members = new ClassValue<>() {
        @Override
        protected ClassMembers computeValue(Class<?> type) {
            return ClassMembers.of(type);
        }
    };

    MemberAccess(Gate gate, Proxies proxies, Coercion coercion) {
        this.gate = gate;
        this.proxies = proxies;
        this.coercion = coercion;
        this.overloads = new Overloads(coercion);
    }

    /** {@code index(mt, proxy, key)}: push the kind of member, and the value for a field or element. */
    int index(LuaStack s) {
        Object target = receiver(s, "index");
        if (target.getClass().isArray() && s.isInteger(3)) {
            long i = s.toInteger(3);
            String operation = Proxies.typeName(target) + " element";
            gate.check(target.getClass(), operation);
            s.pushInteger(VALUE);
            if (i < 1 || i > Array.getLength(target)) {
                s.pushNil();
            } else {
                proxies.push(s, Array.get(target, (int) (i - 1)), operation);
            }
            return 2;
        }
        String key = key(s, target);
        if (target instanceof StaticClass c) {
            return indexStatic(s, c.type(), key);
        }
        ClassMembers m = members.get(target.getClass());
        if (!m.instanceMethods(key).isEmpty()) {
            s.pushInteger(METHOD);
            return 1;
        }
        Field f = m.instanceField(key);
        if (f == null) {
            throw new LuaError(Proxies.typeName(target) + " has no public method or field '" + key + "'");
        }
        s.pushInteger(VALUE);
        pushField(s, f, target, target.getClass());
        return 2;
    }

    private int indexStatic(LuaStack s, Class<?> type, String key) {
        ClassMembers m = members.get(type);
        if (key.equals("new")) {
            s.pushInteger(CONSTRUCTOR);
            return 1;
        }
        if (!m.staticMethods(key).isEmpty()) {
            s.pushInteger(STATIC_METHOD);
            return 1;
        }
        Field f = m.staticField(key);
        if (f == null) {
            throw new LuaError(type.getName() + " has no public static method or field '" + key + "'");
        }
        s.pushInteger(VALUE);
        pushField(s, f, null, type);
        return 2;
    }

    private void pushField(LuaStack s, Field f, Object target, Class<?> owner) {
        String operation = owner.getName() + "." + f.getName();
        gate.check(owner, operation);
        Object value;
        try {
            value = f.get(target);
        } catch (IllegalAccessException e) {
            throw new LuaError("cannot read " + operation + ": " + e.getMessage());
        } catch (ExceptionInInitializerError e) {
            throw new JavaExceptionError(e.getCause() == null ? e : e.getCause());
        }
        proxies.push(s, value, operation);
    }

    /** {@code newindex(mt, proxy, key, value)}: set a public non-final field or an array element. */
    int newIndex(LuaStack s) {
        Object target = receiver(s, "assign to");
        if (target.getClass().isArray() && s.isInteger(3)) {
            long i = s.toInteger(3);
            int length = Array.getLength(target);
            String name = Proxies.typeName(target) + " element";
            if (i < 1 || i > length) {
                throw new LuaError("cannot set " + name + " " + i + ": arrays take indices from 1 to their length ("
                        + length + ")");
            }
            gate.check(target.getClass(), name);
            Array.set(target, (int) (i - 1), convertValue(s, target.getClass().getComponentType(), name));
            return 0;
        }
        String key = key(s, target);
        boolean isStatic = target instanceof StaticClass;
        Class<?> owner = isStatic ? ((StaticClass) target).type() : target.getClass();
        ClassMembers m = members.get(owner);
        Field f = isStatic ? m.staticField(key) : m.instanceField(key);
        String name = owner.getTypeName() + "." + key;
        if (f == null) {
            throw new LuaError("cannot set " + name + ": " + owner.getTypeName() + " has no public "
                    + (isStatic ? "static " : "") + "field '" + key + "'");
        }
        if (Modifier.isFinal(f.getModifiers())) {
            throw new LuaError("cannot set " + name + ": the field is final");
        }
        gate.check(owner, name);
        Object value = convertValue(s, f.getType(), name);
        try {
            f.set(isStatic ? null : target, value);
        } catch (IllegalAccessException e) {
            throw new LuaError("cannot set " + name + ": " + e.getMessage());
        }
        return 0;
    }

    private Object convertValue(LuaStack s, Class<?> type, String name) {
        try {
            return coercion.convert(s, Argument.read(s, 4, proxies), type);
        } catch (ConversionError e) {
            throw new LuaError("cannot set " + name + ": " + e.getMessage());
        }
    }

    /** {@code invoke(mt, proxy, name, ...)}: call a public instance method, as {@code obj:name(...)}. */
    int invoke(LuaStack s) {
        String name = s.toText(3);
        Object target = proxies.target(s, 2);
        if (target == null || target instanceof StaticClass) {
            throw new LuaError("calling '" + name + "' on bad self (a Java object expected, got "
                    + (target == null ? s.type(2).luaName() : Proxies.typeName(target)) + "; call it as obj:"
                    + name + "(...))");
        }
        Class<?> owner = target.getClass();
        String callee = owner.getName() + "." + name;
        gate.check(owner, callee);
        List<Method> candidates = members.get(owner).instanceMethods(name);
        if (candidates.isEmpty()) {
            throw new LuaError(owner.getName() + " has no public method '" + name + "'");
        }
        return call(s, callee, candidates, target);
    }

    /** {@code static(mt, class, name, ...)}: call a public static method, as {@code Cls.name(...)}. */
    int invokeStatic(LuaStack s) {
        String name = s.toText(3);
        if (!(receiver(s, "call") instanceof StaticClass c)) {
            throw new LuaError("'" + name + "' is not bound to a class proxy");
        }
        Class<?> owner = c.type();
        String callee = owner.getName() + "." + name;
        gate.check(owner, callee);
        List<Method> candidates = members.get(owner).staticMethods(name);
        if (candidates.isEmpty()) {
            throw new LuaError(owner.getName() + " has no public static method '" + name + "'");
        }
        return call(s, callee, candidates, null);
    }

    private int call(LuaStack s, String callee, List<Method> candidates, Object target) {
        List<Argument> args = read(s, 4);
        Overloads.Choice choice = overloads.choose(s, callee, candidates, args);
        Method m = (Method) choice.executable();
        Object result;
        try {
            result = m.invoke(target, overloads.arguments(s, callee, choice, args));
        } catch (InvocationTargetException e) {
            throw new JavaExceptionError(e.getCause());
        } catch (ExceptionInInitializerError e) {
            throw new JavaExceptionError(e.getCause() == null ? e : e.getCause());
        } catch (IllegalAccessException e) {
            throw new LuaError("cannot call " + callee + ": " + e.getMessage());
        }
        if (m.getReturnType() == void.class) {
            return 0;
        }
        proxies.push(s, result, callee);
        return 1;
    }

    /** {@code construct(mt, class, ...)}: create an object, as {@code Cls.new(...)} or {@code Cls(...)}. */
    int construct(LuaStack s) {
        Object target = receiver(s, "call");
        if (!(target instanceof StaticClass c)) {
            throw new LuaError("attempt to call a " + Proxies.typeName(target) + " object");
        }
        Class<?> type = c.type();
        String callee = type.getName() + ".new";
        gate.check(type, callee);
        List<Constructor<?>> constructors = members.get(type).constructors();
        if (constructors.isEmpty()) {
            throw new LuaError("cannot construct " + type.getName() + ": "
                    + (type.isInterface() ? "it is an interface"
                    : Modifier.isAbstract(type.getModifiers()) ? "it is abstract" : "it has no public constructor"));
        }
        List<Argument> args = read(s, 3);
        Overloads.Choice choice = overloads.choose(s, callee, constructors, args);
        Object created;
        try {
            created = ((Constructor<?>) choice.executable()).newInstance(overloads.arguments(s, callee, choice, args));
        } catch (InvocationTargetException e) {
            throw new JavaExceptionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LuaError("cannot call " + callee + ": " + e.getMessage());
        }
        proxies.push(s, created, callee);
        return 1;
    }

    private List<Argument> read(LuaStack s, int first) {
        List<Argument> args = new ArrayList<>();
        for (int i = first; i <= s.top(); i++) {
            args.add(Argument.read(s, i, proxies));
        }
        return args;
    }

    /** Return the object behind the proxy the metamethod got, which a forged or released proxy lacks. */
    private Object receiver(LuaStack s, String verb) {
        Object target = proxies.target(s, 2);
        if (target == null) {
            throw new LuaError("attempt to " + verb + " a " + s.type(2).luaName() + " that is not a Java object");
        }
        return target;
    }

    private static String key(LuaStack s, Object target) {
        if (s.type(3) != LuaType.STRING) {
            throw new LuaError("cannot index a " + Proxies.typeName(target) + " with a " + s.type(3).luaName()
                    + (target.getClass().isArray() ? " (arrays take integer indices from 1)" : ""));
        }
        return s.toText(3);
    }
}
