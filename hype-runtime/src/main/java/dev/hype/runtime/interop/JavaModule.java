package dev.hype.runtime.interop;

import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.permissions.Access;
import java.util.Map;

/**
 * Provide {@code java}: import public Java classes, construct objects, call their public methods
 * and read their public fields, with every class that the realm touches checked against its
 * {@link Access} ({@code permissions.java} patterns). {@code java.lua} builds the proxies' metatable;
 * {@link MemberAccess} and {@link ProxyFunctions} do the work.
 */
public final class JavaModule implements BuiltinModule {
    private static final Chunk SOURCE = load();

    private final Proxies proxies;
    private final Map<String, JavaFunction> natives;

    /** Create the module for one runtime, for code that has {@code access}. */
    public JavaModule(Access access) {
        Gate gate = new Gate(access, JavaModule.class.getClassLoader());
        this.proxies = new Proxies(gate);
        Coercion coercion = new Coercion(proxies);
        MemberAccess members = new MemberAccess(gate, proxies, coercion);
        ProxyFunctions functions = new ProxyFunctions(gate, proxies, coercion);
        this.natives = Map.ofEntries(
                Map.entry("index", members::index),
                Map.entry("newindex", members::newIndex),
                Map.entry("invoke", members::invoke),
                Map.entry("static", members::invokeStatic),
                Map.entry("construct", members::construct),
                Map.entry("import", functions::importClass),
                Map.entry("instanceof", functions::isInstance),
                Map.entry("class", functions::className),
                Map.entry("array", functions::newArray),
                Map.entry("tostring", functions::toText),
                Map.entry("len", functions::length),
                Map.entry("eq", functions::same),
                Map.entry("release", functions::release));
    }

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }

    /** Return how many proxies are alive: the objects this module keeps reachable for Lua. */
    int liveProxies() {
        return proxies.size();
    }

    private static Chunk load() {
        return Chunk.ofResource(JavaModule.class, "java.lua", "=hype:java");
    }
}
