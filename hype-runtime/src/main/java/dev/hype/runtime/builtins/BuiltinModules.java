package dev.hype.runtime.builtins;

import dev.hype.runtime.interop.JavaModule;
import dev.hype.runtime.permissions.Access;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Find built-in modules by name, with or without the {@code hype:} prefix.
 *
 * <p>Create one set per runtime: its modules share one {@link WorkingDirectory}, so
 * {@code process.chdir} moves what {@code fs} and {@code path.resolve} see in that runtime only.
 * Each module is built on first use, so a program pays start-up time only for what it requires.
 *
 * <p>A module that touches files, hosts, variables or classes is built once per {@link Access}:
 * the instance for a restricted package checks that package's permissions.
 */
public final class BuiltinModules {
    /** The prefix that names a built-in explicitly, as {@code node:} does in Node. */
    public static final String PREFIX = "hype:";

    private final Map<String, Function<Access, BuiltinModule>> factories;
    private final Map<String, BuiltinModule> built = new ConcurrentHashMap<>();
    private final Map<Access, Map<String, BuiltinModule>> builtFor = new IdentityHashMap<>();

    private BuiltinModules(Map<String, Function<Access, BuiltinModule>> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** Return the standard built-in modules, starting in the JVM's working directory. */
    public static BuiltinModules standard() {
        return standard(WorkingDirectory.ofProcess());
    }

    /** Return the standard built-in modules, sharing {@code cwd} as their working directory. */
    public static BuiltinModules standard(WorkingDirectory cwd) {
        Map<String, Function<Access, BuiltinModule>> factories = new LinkedHashMap<>();
        factories.put("fs", access -> new FsModule(cwd, access));
        factories.put("path", shared(() -> new PathModule(cwd)));
        factories.put("events", shared(() -> new LuaModule("events")));
        factories.put("util", shared(UtilModule::new));
        factories.put("table", shared(() -> new LuaModule("table")));
        factories.put("json", shared(JsonModule::new));
        factories.put("process", access -> new ProcessModule(cwd, access));
        factories.put("http", HttpModule::new);
        Function<Access, BuiltinModule> test = shared(dev.hype.runtime.testing.TestModule::new);
        // The shared instance's API is one table for the whole runtime: a package gets its own.
        factories.put("test", access -> access.unrestricted() ? test.apply(access)
                : dev.hype.runtime.testing.TestModule.isolated());
        factories.put("java", JavaModule::new);
        return new BuiltinModules(factories);
    }

    /** Return a set holding exactly these modules. */
    public static BuiltinModules of(List<BuiltinModule> modules) {
        Map<String, Function<Access, BuiltinModule>> factories = new LinkedHashMap<>();
        modules.forEach(module -> factories.put(module.name(), access -> module));
        return new BuiltinModules(factories);
    }

    /** Wrap a factory whose module holds no permission-sensitive state: one instance serves every realm. */
    private static Function<Access, BuiltinModule> shared(Supplier<BuiltinModule> factory) {
        return new Function<>() {
            private volatile BuiltinModule instance;

            @Override
            public BuiltinModule apply(Access access) {
                BuiltinModule module = instance;
                if (module == null) {
                    synchronized (this) {
                        module = instance;
                        if (module == null) {
                            module = factory.get();
                            instance = module;
                        }
                    }
                }
                return module;
            }
        };
    }

    /** Return the module a specifier names, for trusted code: {@code fs} or {@code hype:fs}. */
    public Optional<BuiltinModule> find(String specifier) {
        String name = strip(specifier);
        Function<Access, BuiltinModule> factory = factories.get(name);
        return factory == null ? Optional.empty()
                : Optional.of(built.computeIfAbsent(name, n -> factory.apply(Access.UNRESTRICTED)));
    }

    /** Return the module a specifier names, checking {@code access} in everything it does. */
    public Optional<BuiltinModule> find(String specifier, Access access) {
        if (access.unrestricted()) {
            return find(specifier);
        }
        String name = strip(specifier);
        Function<Access, BuiltinModule> factory = factories.get(name);
        if (factory == null) {
            return Optional.empty();
        }
        synchronized (builtFor) {
            return Optional.of(builtFor.computeIfAbsent(access, a -> new LinkedHashMap<>())
                    .computeIfAbsent(name, n -> factory.apply(access)));
        }
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
