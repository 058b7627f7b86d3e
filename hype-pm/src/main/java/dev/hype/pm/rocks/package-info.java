/**
 * Name, version and constrain LuaRocks rocks as Hype packages ({@code rocks:NAME}), and read LuaRocks' data files.
 *
 * <p>{@link dev.hype.pm.rocks.RockVersion} and {@link dev.hype.pm.rocks.RockConstraint} read and compare as
 * LuaRocks' {@code luarocks.core.vers} and {@code luarocks.queries} do, and encode rock versions as labelled
 * semantic versions so the PubGrub resolver, the lockfile and the store hold them unchanged.
 * {@link dev.hype.pm.rocks.Rockspec} and {@link dev.hype.pm.rocks.LuaData} run rockspecs and manifests as LuaRocks
 * does, in an empty environment, in a Lua state of their own. The server side is in
 * {@link dev.hype.pm.rocks.server}, the builds in {@link dev.hype.pm.rocks.build}; {@code docs/luarocks.md}
 * describes the whole.
 */
package dev.hype.pm.rocks;
