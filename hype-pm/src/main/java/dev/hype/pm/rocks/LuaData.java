package dev.hype.pm.rocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Read a LuaRocks data file (rockspec, manifest, {@code rock_manifest}) as LuaRocks does: run it in an empty
 * environment and take the globals it sets. It runs in a Lua state of its own with a memory cap and an instruction
 * budget, and cannot reach any library, so a hostile rockspec can only fail.
 */
public final class LuaData {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MEMORY = 512L * 1024 * 1024;
    private static final long BUDGET = 200_000_000L;

    private LuaData() {
    }

    /**
     * Run a server manifest and return its {@code repository} as lines {@code NAME\tVERSION\tARCH,ARCH}: the part
     * Hype reads, without the cost of JSON for luarocks.org's tens of thousands of versions.
     *
     * @throws RockException {@link RockException#E_ROCKSPEC} when it does not compile, fails when run or has no
     *     {@code repository} table
     */
    public static String repositoryLines(byte[] source, String what) {
        return run(source, what, "repository:lines", List.of())[1];
    }

    /**
     * Run {@code source} and return its globals as a JSON object: sequences become arrays, other tables objects.
     *
     * @param what names the file in errors, such as {@code penlight-1.14.0-3.rockspec}
     * @param keys the globals to keep (all when empty)
     * @param platforms the platforms whose {@code platforms} overrides apply, least specific first (a rockspec's),
     *     or empty for a file that has none
     * @throws RockException {@link RockException#E_ROCKSPEC} when it does not compile or fails when run
     */
    public static JsonNode read(byte[] source, String what, List<String> keys, List<String> platforms) {
        String[] outcome = run(source, what, String.join(",", keys), platforms);
        try {
            return JSON.readTree(outcome[1]);
        } catch (IOException e) {
            throw new RockException(RockException.E_ROCKSPEC, "cannot read " + what + ": " + e.getMessage(),
                    List.of(), e);
        }
    }

    /** Run the file in a Lua state of its own; return the outcome, failing with the reason. */
    private static String[] run(byte[] source, String what, String keys, List<String> platforms) {
        String[] outcome = new String[2];
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults().withMaxMemory(MEMORY))) {
            runtime.install(null, Chunk.ofResource(LuaData.class, "lua_data.lua", "=[hype] lua_data"), Map.of(
                    "source", stack -> {
                        stack.pushBytes(source);
                        return 1;
                    },
                    "name", stack -> {
                        stack.pushString("@" + what);
                        return 1;
                    },
                    "keys", stack -> {
                        stack.pushString(keys);
                        return 1;
                    },
                    "platforms", stack -> {
                        stack.pushString(String.join(",", platforms));
                        return 1;
                    },
                    "budget", stack -> {
                        stack.pushInteger(BUDGET);
                        return 1;
                    },
                    "fail", stack -> {
                        outcome[0] = stack.toText(1);
                        outcome[1] = stack.toText(2);
                        return 0;
                    },
                    "result", stack -> {
                        outcome[1] = new String(stack.toBytes(1), StandardCharsets.UTF_8);
                        return 0;
                    }));
        } catch (RuntimeException e) {
            throw new RockException(RockException.E_ROCKSPEC, "cannot read " + what + ": " + e.getMessage(),
                    List.of("check that it is a LuaRocks file"), e);
        }
        if (outcome[0] != null) {
            String problem = outcome[0].equals("load") ? "it is not valid Lua: " : "it fails when run: ";
            throw new RockException(RockException.E_ROCKSPEC, "cannot read " + what + ": " + problem + outcome[1],
                    List.of("LuaRocks reads the same file the same way; ask the rock's authors to fix it"));
        }
        return outcome;
    }
}
