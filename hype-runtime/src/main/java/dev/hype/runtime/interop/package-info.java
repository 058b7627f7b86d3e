/**
 * JVM interop for Lua, {@code hype:java}: class and object proxies built on {@code java.lang.reflect},
 * reaching only public members of public, exported classes, with every class that crosses into Lua
 * checked against the realm's {@link dev.hype.runtime.permissions.Access}.
 */
package dev.hype.runtime.interop;
