/**
 * The built-in modules ({@code fs}, {@code path}, {@code events}, {@code util}, {@code table},
 * {@code json}, {@code process}, {@code http}): one class or Lua file each, found through {@link
 * dev.hype.runtime.builtins.BuiltinModules}, which also provides {@code java} from
 * {@code dev.hype.runtime.interop}.
 */
package dev.hype.runtime.builtins;
