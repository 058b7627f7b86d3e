/**
 * Check, unpack and build rocks into the store.
 *
 * <p>{@link dev.hype.pm.rocks.build.RockPreparer} keeps two store entries per rock: the archive unpacked and
 * checked against its manifest and rockspec ({@code RockArchive}), and the rock built for this platform
 * ({@code RockBuild}: LuaRocks' builtin build type, C modules compiled by {@code CToolchain}), laid out as LuaRocks
 * installs one rock.
 */
package dev.hype.pm.rocks.build;
