package dev.hype.runtime.interop;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hold the members Lua may reach on one class: public members declared by public, exported
 * classes and interfaces. An object of a class that is not public (what {@code List.of()} returns,
 * a lambda) is reached through its public superclasses and interfaces, so no member ever needs
 * {@code setAccessible}.
 */
final class ClassMembers {
    private final Map<String, List<Method>> instanceMethods;
    private final Map<String, List<Method>> staticMethods;
    private final Map<String, Field> instanceFields;
    private final Map<String, Field> staticFields;
    private final List<Constructor<?>> constructors;

    private ClassMembers(Class<?> type) {
        List<Class<?>> visible = hierarchy(type).stream().filter(ClassMembers::isPublic).toList();
        Map<String, Method> instance = new LinkedHashMap<>();
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Class<?> c : visible) {
            for (Method m : c.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) && reachable(m)) {
                    instance.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
                }
            }
            for (Field f : c.getFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && reachable(f)) {
                    fields.putIfAbsent(f.getName(), f);
                }
            }
        }
        this.instanceMethods = byName(instance.values());
        this.instanceFields = Map.copyOf(fields);
        boolean own = isPublic(type);
        Map<String, Method> statics = new LinkedHashMap<>();
        Map<String, Field> staticFieldMap = new LinkedHashMap<>();
        if (own) {
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && reachable(m)) {
                    statics.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
                }
            }
            for (Field f : type.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && reachable(f)) {
                    staticFieldMap.putIfAbsent(f.getName(), f);
                }
            }
        }
        this.staticMethods = byName(statics.values());
        this.staticFields = Map.copyOf(staticFieldMap);
        boolean constructible = own && !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
        this.constructors = constructible ? List.of(type.getConstructors()) : List.of();
    }

    /** Return the members of {@code type}; callers cache the result per class. */
    static ClassMembers of(Class<?> type) {
        return new ClassMembers(type);
    }

    /** Return the public instance methods called {@code name}, or an empty list. */
    List<Method> instanceMethods(String name) {
        return instanceMethods.getOrDefault(name, List.of());
    }

    /** Return the public static methods called {@code name}, or an empty list. */
    List<Method> staticMethods(String name) {
        return staticMethods.getOrDefault(name, List.of());
    }

    /** Return the public instance field called {@code name}, or null. */
    Field instanceField(String name) {
        return instanceFields.get(name);
    }

    /** Return the public static field called {@code name}, or null. */
    Field staticField(String name) {
        return staticFields.get(name);
    }

    /** Return the public constructors; empty for interfaces, abstract and non-public classes. */
    List<Constructor<?>> constructors() {
        return constructors;
    }

    /**
     * Return whether code in another module may use {@code type} by reflection without
     * {@code setAccessible}: it and every class enclosing it are public, it is not hidden, and its
     * package is exported to everyone.
     */
    static boolean isPublic(Class<?> type) {
        if (type.isArray() || type.isPrimitive() || type.isHidden()) {
            return false;
        }
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return type.getModule().isExported(type.getPackageName());
    }

    /** Describe an executable for messages: {@code max(int, int)}. */
    static String signature(Executable e) {
        String name = e instanceof Constructor<?> ? "new" : e.getName();
        List<String> types = new ArrayList<>();
        Class<?>[] params = e.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            boolean spread = e.isVarArgs() && i == params.length - 1;
            types.add(spread ? params[i].getComponentType().getTypeName() + "..." : params[i].getTypeName());
        }
        return name + "(" + String.join(", ", types) + ")";
    }

    private static boolean reachable(Member member) {
        return isPublic(member.getDeclaringClass());
    }

    /** Return {@code type}, its superclasses and all its interfaces, nearest first. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            Class<?> c = queue.poll();
            if (!seen.add(c)) {
                continue;
            }
            if (c.getSuperclass() != null) {
                queue.add(c.getSuperclass());
            }
            queue.addAll(Arrays.asList(c.getInterfaces()));
        }
        if (type.isInterface() || type.isArray()) {
            seen.add(Object.class);
        }
        return List.copyOf(seen);
    }

    private static Map<String, List<Method>> byName(Iterable<Method> methods) {
        Map<String, List<Method>> out = new LinkedHashMap<>();
        for (Method m : methods) {
            out.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }
}
