package dev.hype.runtime.modules.resolve;

import java.nio.file.Path;

/**
 * The outcome of resolving one {@code require} id.
 *
 * @param kind what was found
 * @param key  the cache key: the canonical path of a file, or the name of a built-in or of a Lua
 *             module already in {@code package.preload}/{@code package.loaded}
 * @param packageName the package a {@link Kind#FILE} was found in by name (a bare id, or an
 *             {@code imports} entry mapped to a bare id), or null when it was found by path
 */
public record Resolution(Kind kind, String key, String packageName) {

    /** Create a resolution not found by package name. */
    public Resolution(Kind kind, String key) {
        this(kind, key, null);
    }

    /** What a resolution found. */
    public enum Kind {
        /** A built-in module; {@link #key()} is its name without the {@code hype:} prefix. */
        BUILTIN,
        /** A file found by steps 2 to 5 (paths, imports, self-reference, module directories). */
        FILE,
        /** A file found through Lua's {@code package.path} (step 6). */
        LUA_PATH,
        /**
         * A module of a LuaRocks rock installed in {@code hype_modules/rocks:NAME/}, found by its Lua module name
         * (step 5): loaded as Lua loads a module from {@code package.path} or {@code package.cpath}.
         */
        ROCK,
        /** A module Lua already provides through {@code package.preload} or {@code package.loaded}. */
        LUA_LOADED
    }

    /** Return the resolved file; only for {@link Kind#FILE}, {@link Kind#LUA_PATH} and {@link Kind#ROCK}. */
    public Path file() {
        return Path.of(key);
    }
}
