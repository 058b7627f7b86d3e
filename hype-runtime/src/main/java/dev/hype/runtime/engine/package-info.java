/**
 * The Lua engine facade: one reference C Lua 5.4 state per {@link dev.hype.runtime.engine.LuaRuntime},
 * confined to its owning thread, with byte-exact strings, integer-preserving numbers, and the
 * {@code --timeout} and {@code --max-memory} limits. Nothing outside this package sees JNI types.
 */
package dev.hype.runtime.engine;
