package dev.hype.runtime.builtins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Find built-in modules by name, with or without the {@code hype:} prefix.
 *
 * <p>Create one set per runtime: its modules share one {@link WorkingDirectory}, so
 * {@code process.chdir} moves what {@code fs} and {@code path.resolve} see in that runtime only.
 */
public final class BuiltinModules {
    /** The prefix that names a built-in explicitly, as {@code node:} does in Node. */
    public static final String PREFIX = "hype:";

    private final Map<String, BuiltinModule> byName;

    private BuiltinModules(List<BuiltinModule> modules) {
        this.byName = modules.stream().collect(Collectors.toUnmodifiableMap(BuiltinModule::name, Function.identity()));
    }

    /** Return the standard built-in modules, starting in the JVM's working directory. */
    public static BuiltinModules standard() {
        return standard(WorkingDirectory.ofProcess());
    }

    /** Return the standard built-in modules, sharing {@code cwd} as their working directory. */
    public static BuiltinModules standard(WorkingDirectory cwd) {
        return new BuiltinModules(List.of(
                new FsModule(cwd),
                new PathModule(cwd),
                new LuaModule("events"),
                new UtilModule(),
                new LuaModule("table"),
                new JsonModule(),
                new ProcessModule(cwd),
                new dev.hype.runtime.testing.TestModule()));
    }

    /** Return a set holding exactly these modules. */
    public static BuiltinModules of(List<BuiltinModule> modules) {
        return new BuiltinModules(modules);
    }

    /** Return the module a specifier names: {@code fs} or {@code hype:fs}. */
    public Optional<BuiltinModule> find(String specifier) {
        String name = specifier.startsWith(PREFIX) ? specifier.substring(PREFIX.length()) : specifier;
        return Optional.ofNullable(byName.get(name));
    }

    /** Return whether a specifier names a built-in. */
    public boolean isBuiltin(String specifier) {
        return find(specifier).isPresent();
    }

    /** Return the names of all modules, sorted. */
    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
