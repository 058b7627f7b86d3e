package dev.hype.runtime.interop;

import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.util.HashMap;
import java.util.Map;

/**
 * Keep the Java object behind every proxy, and convert Java values on their way into Lua.
 *
 * <p>A proxy is an empty Lua table with the module's shared metatable, which every native
 * receives as its first argument ({@link #METATABLE}). The object is kept here, keyed by the
 * table's identity: Lua's collector never moves a table, and its address is not reused before the
 * metatable's {@code __gc} has called {@link #release}. User code therefore cannot reach the
 * object, and no table it makes, with whatever metatable, is ever taken for a proxy.
 */
final class Proxies {
    /** The stack index of the shared metatable in every native call. */
    static final int METATABLE = 1;

    private final Map<Long, Object> targets = new HashMap<>();
    private final Gate gate;

    Proxies(Gate gate) {
        this.gate = gate;
    }

    /**
     * Push {@code value} as Lua sees it: null as nil, booleans, integral boxes as integers, floating
     * ones as floats, characters and strings as strings; anything else as a new proxy, once the
     * realm may use its class ({@code operation} names what produced it).
     */
    void push(LuaStack s, Object value, String operation) {
        switch (value) {
            case null -> s.pushNil();
            case Boolean b -> s.pushBoolean(b);
            case Long n -> s.pushInteger(n);
            case Integer n -> s.pushInteger(n);
            case Short n -> s.pushInteger(n);
            case Byte n -> s.pushInteger(n);
            case Double n -> s.pushNumber(n);
            case Float n -> s.pushNumber(n);
            case Character c -> s.pushString(String.valueOf(c));
            case String text -> s.pushString(text);
            default -> {
                gate.check(value.getClass(), operation);
                pushProxy(s, value);
            }
        }
    }

    /** Push a new proxy for {@code target} without any check: for class proxies the caller checked. */
    void pushProxy(LuaStack s, Object target) {
        s.ensureStack(2);
        s.newTable(0, 0);
        s.pushValue(METATABLE);
        s.setMetatable(-2);
        targets.put(s.identity(-1), target);
    }

    /**
     * Return the object behind the proxy at {@code index}, or null when the value is no live proxy.
     * The table must still carry the shared metatable too, so even a table that {@code debug}
     * tricks put at a dead proxy's address is refused.
     */
    Object target(LuaStack s, int index) {
        if (s.type(index) != LuaType.TABLE) {
            return null;
        }
        Object target = targets.get(s.identity(index));
        if (target == null || !s.getMetatable(index)) {
            return null;
        }
        boolean shared = s.identity(-1) == s.identity(METATABLE);
        s.pop(1);
        return shared ? target : null;
    }

    /** Forget the proxy at {@code index}; its {@code __gc} calls this. */
    void release(LuaStack s, int index) {
        if (s.type(index) == LuaType.TABLE) {
            targets.remove(s.identity(index));
        }
    }

    /** Describe the target of a proxy for messages: {@code java.util.ArrayList}, {@code int[]}, {@code class java.util.List}. */
    static String typeName(Object target) {
        return target instanceof StaticClass c ? "class " + c.type().getName() : target.getClass().getTypeName();
    }

    /** Return how many proxies are alive. */
    int size() {
        return targets.size();
    }
}
