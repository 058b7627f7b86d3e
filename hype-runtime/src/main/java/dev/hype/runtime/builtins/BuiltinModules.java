package dev.hype.runtime.builtins;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Find built-in modules by name, with or without the {@code hype:} prefix. */
public final class BuiltinModules {
    /** The prefix that names a built-in explicitly, as {@code node:} does in Node. */
    public static final String PREFIX = "hype:";

    private final Map<String, BuiltinModule> byName;

    private BuiltinModules(List<BuiltinModule> modules) {
        this.byName = modules.stream().collect(Collectors.toUnmodifiableMap(BuiltinModule::name, Function.identity()));
    }

    /** Return the standard set of built-in modules. */
    public static BuiltinModules standard() {
        return new BuiltinModules(List.of(new dev.hype.runtime.testing.TestModule()));
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
