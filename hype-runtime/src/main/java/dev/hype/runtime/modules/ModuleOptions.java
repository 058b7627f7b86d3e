package dev.hype.runtime.modules;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.modules.resolve.ResolverOptions;
import dev.hype.runtime.permissions.Realms;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configure a {@link ModuleSystem}.
 *
 * @param conditions       extra {@code exports}/{@code imports} conditions ({@code hype --conditions})
 * @param strictCycles     whether a circular {@code require} is an error instead of a warning
 * @param hypeHome         the Hype home; {@code require} searches its {@code modules} folder last
 * @param workingDirectory the directory paths are displayed relative to, and that the global
 *                         {@code require} of {@code -e} code and the REPL resolves from
 * @param builtins         the built-in modules
 * @param warnings         receives each warning line (the CLI prints them to stderr)
 * @param realms           which files run restricted, with what permissions
 */
public record ModuleOptions(List<String> conditions, boolean strictCycles, Path hypeHome, Path workingDirectory,
                            BuiltinModules builtins, Consumer<String> warnings, Realms realms) {

    /** Validate the options. */
    public ModuleOptions {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(hypeHome, "hypeHome");
        workingDirectory = workingDirectory.toAbsolutePath().normalize();
        Objects.requireNonNull(builtins, "builtins");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(realms, "realms");
    }

    /**
     * Return the defaults: no extra conditions, cycles warn, the Hype home from the environment,
     * the process's working directory, the standard built-ins, warnings to {@code System.err},
     * and packages under {@code hype_modules/} restricted to their approved permissions.
     */
    public static ModuleOptions defaults() {
        return new ModuleOptions(List.of(), false, ResolverOptions.defaultHypeHome(), Path.of(""),
                BuiltinModules.standard(), System.err::println, Realms.packages());
    }

    /** Return a copy with these extra conditions. */
    public ModuleOptions withConditions(List<String> value) {
        return new ModuleOptions(value, strictCycles, hypeHome, workingDirectory, builtins, warnings, realms);
    }

    /** Return a copy where circular requires are errors, or not. */
    public ModuleOptions withStrictCycles(boolean value) {
        return new ModuleOptions(conditions, value, hypeHome, workingDirectory, builtins, warnings, realms);
    }

    /** Return a copy with another Hype home. */
    public ModuleOptions withHypeHome(Path value) {
        return new ModuleOptions(conditions, strictCycles, value, workingDirectory, builtins, warnings, realms);
    }

    /** Return a copy with another working directory. */
    public ModuleOptions withWorkingDirectory(Path value) {
        return new ModuleOptions(conditions, strictCycles, hypeHome, value, builtins, warnings, realms);
    }

    /** Return a copy with other built-in modules. */
    public ModuleOptions withBuiltins(BuiltinModules value) {
        return new ModuleOptions(conditions, strictCycles, hypeHome, workingDirectory, value, warnings, realms);
    }

    /** Return a copy sending warnings to {@code value}. */
    public ModuleOptions withWarnings(Consumer<String> value) {
        return new ModuleOptions(conditions, strictCycles, hypeHome, workingDirectory, builtins, value, realms);
    }

    /** Return a copy deciding realms with {@code value}. */
    public ModuleOptions withRealms(Realms value) {
        return new ModuleOptions(conditions, strictCycles, hypeHome, workingDirectory, builtins, warnings, value);
    }

    ResolverOptions resolverOptions() {
        return new ResolverOptions(new java.util.LinkedHashSet<>(conditions), hypeHome, workingDirectory,
                name -> builtins.isBuiltin(name) && !name.startsWith(BuiltinModules.PREFIX));
    }
}
