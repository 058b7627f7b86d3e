package dev.hype.pm.rocks;

import dev.hype.runtime.HypeException;
import java.util.List;

/** Report a LuaRocks rock that cannot be named, found, read, checked or built. */
public final class RockException extends HypeException {
    private static final long serialVersionUID = 1L;

    /** A rock name that is not a LuaRocks package name. */
    public static final String E_ROCK_NAME = "E_ROCK_NAME";
    /** A version constraint that is not LuaRocks' grammar. */
    public static final String E_ROCK_CONSTRAINT = "E_ROCK_CONSTRAINT";
    /** A LuaRocks server that cannot be reached or answers something that is not a LuaRocks server's answer. */
    public static final String E_ROCK_SERVER = "E_ROCK_SERVER";
    /** A manifest or rockspec that cannot be read. */
    public static final String E_ROCKSPEC = "E_ROCKSPEC";
    /** A rock archive that does not match its manifest, its rockspec or what the server lists. */
    public static final String E_ROCK_ARCHIVE = "E_ROCK_ARCHIVE";
    /** A rock that cannot be built: a build type Hype does not run, a missing file, a compiler error. */
    public static final String E_ROCK_BUILD = "E_ROCK_BUILD";
    /** No C compiler or no Lua 5.4 headers for a rock with C code. */
    public static final String E_ROCK_TOOLCHAIN = "E_ROCK_TOOLCHAIN";
    /** Rock configuration in {@code config.json}, {@code .hyperc.json} or {@code hype.json} that is malformed. */
    public static final String E_ROCK_CONFIG = "E_ROCK_CONFIG";

    /** Create an error with a code, a message and hints. */
    public RockException(String code, String message, List<String> hints) {
        super(code, message, hints);
    }

    /** Create an error with a code, a message, hints and a cause. */
    public RockException(String code, String message, List<String> hints, Throwable cause) {
        super(code, message, hints, cause);
    }

    static RockException badConstraint(String text, String problem) {
        return new RockException(E_ROCK_CONSTRAINT, "\"" + text + "\" is not a LuaRocks version constraint: " + problem,
                List.of("write constraints as LuaRocks does, for example \">= 1.0, < 2.0\", \"~> 1.14\" or \"== 1.14.0-3\""));
    }
}
