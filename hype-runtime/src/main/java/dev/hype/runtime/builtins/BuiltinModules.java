package dev.hype.runtime.builtins;

import dev.hype.runtime.interop.JavaModule;
import dev.hype.runtime.permissions.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Find built-in modules by name, with or without the {@code hype:} prefix.
 *
 * <p>Create one set per runtime: its modules share one {@link WorkingDirectory}, so
 * {@code process.chdir} moves what {@code fs} and {@code path.resolve} see in that runtime only.
 * Each module is built on first use, so a program pays start-up time only for what it requires.
 */
public final class BuiltinModules {
    /** The prefix that names a built-in explicitly, as {@code node:} does in Node. */
    public static final String PREFIX = "hype:";

    private final Map<String, Supplier<BuiltinModule>> factories;
    private final Map<String, BuiltinModule> built = new ConcurrentHashMap<>();

    private BuiltinModules(Map<String, Supplier<BuiltinModule>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** Return the standard built-in modules, starting in the JVM's working directory. */
    public static BuiltinModules standard() {
        return standard(WorkingDirectory.ofProcess());
    }

    /** Return the standard built-in modules, sharing {@code cwd} as their working directory. */
    public static BuiltinModules standard(WorkingDirectory cwd) {
        Map<String, Supplier<BuiltinModule>> factories = new LinkedHashMap<>();
        factories.put("fs", () -> new FsModule(cwd));
        factories.put("path", () -> new PathModule(cwd));
        factories.put("events", () -> new LuaModule("events"));
        factories.put("util", UtilModule::new);
        factories.put("table", () -> new LuaModule("table"));
        factories.put("json", JsonModule::new);
        factories.put("process", () -> new ProcessModule(cwd));
        factories.put("test", dev.hype.runtime.testing.TestModule::new);
        factories.put("java", () -> new JavaModule(Access.UNRESTRICTED));
        return new BuiltinModules(factories);
    }

    /** Return a set holding exactly these modules. */
    public static BuiltinModules of(List<BuiltinModule> modules) {
        Map<String, Supplier<BuiltinModule>> factories = new LinkedHashMap<>();
        modules.forEach(module -> factories.put(module.name(), () -> module));
        return new BuiltinModules(factories);
    }

    /** Return the module a specifier names: {@code fs} or {@code hype:fs}. */
    public Optional<BuiltinModule> find(String specifier) {
        String name = strip(specifier);
        Supplier<BuiltinModule> factory = factories.get(name);
        return factory == null ? Optional.empty() : Optional.of(built.computeIfAbsent(name, n -> factory.get()));
    }

    /** Return whether a specifier names a built-in, without building it. */
    public boolean isBuiltin(String specifier) {
        return factories.containsKey(strip(specifier));
    }

    /** Return the names of all modules, sorted. */
    public List<String> names() {
        return factories.keySet().stream().sorted().toList();
    }

    private static String strip(String specifier) {
        return specifier.startsWith(PREFIX) ? specifier.substring(PREFIX.length()) : specifier;
    }
}
