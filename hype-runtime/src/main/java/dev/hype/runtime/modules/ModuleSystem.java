package dev.hype.runtime.modules;

import dev.hype.runtime.engine.LuaRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The module system of one {@link LuaRuntime}: {@code require}, the module cache, and the main
 * script run as a module.
 *
 * <pre>{@code
 * try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
 *     ModuleSystem modules = ModuleSystem.install(runtime, ModuleOptions.defaults());
 *     int status = modules.runMain(Path.of("app.lua"), List.of("arg1"));
 * }
 * }</pre>
 */
public interface ModuleSystem {

    /**
     * Install the module system into {@code runtime}: the global {@code require} (resolving from
     * the working directory, for {@code -e} code and the REPL) and everything {@link #runMain} needs.
     * Install once per runtime, before running code.
     */
    static ModuleSystem install(LuaRuntime runtime, ModuleOptions options) {
        return new LuaModuleSystem(runtime, options);
    }

    /**
     * Run {@code script} as the main module: its {@code require} resolves from its own directory,
     * it has its own {@code module}, {@code exports}, {@code __filename} and {@code __dirname},
     * {@code arg} and {@code ...} hold the arguments as in {@link LuaRuntime#run}, and
     * {@code arg[0]} is the script as given.
     *
     * @return the exit status, as {@link LuaRuntime#run} returns it
     * @throws dev.hype.runtime.HypeException {@code E_SCRIPT_NOT_FOUND} when the file is missing
     * @throws dev.hype.runtime.engine.ScriptException on a syntax error or an uncaught error
     */
    int runMain(Path script, List<String> args);

    /**
     * Make the global {@code require} resolve from {@code file}'s directory, naming {@code display} in
     * its messages, as that file's own {@code require} would: for a file run as a plain chunk in the
     * shared globals (a test file), so that its relative requires resolve from where it is. Later
     * code outside any module uses the same {@code require}.
     */
    void requireFrom(Path file, String display);

    /** Return the canonical paths of every file the program has loaded so far, main script included. */
    Set<Path> loadedFiles();

    /**
     * Return a Lua file's bytes as the module system compiles them, as {@code lua5.4}'s loader does:
     * without a UTF-8 byte order mark, and with a first line starting with {@code #} (a shebang such
     * as {@code #!/usr/bin/env hype}) commented out, so line numbers stay the same.
     */
    static byte[] asLoaded(byte[] source) {
        return LuaModuleSystem.commentShebang(source);
    }
}
