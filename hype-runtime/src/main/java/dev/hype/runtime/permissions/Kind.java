package dev.hype.runtime.permissions;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Name each kind of permission, with the manifest field and the command-line flag that grant it. */
public enum Kind {
    /** Read a file or list a directory. */
    READ("permissions.filesystem.read", "--allow-read", "read"),
    /** Create, change or remove a file or directory. */
    WRITE("permissions.filesystem.write", "--allow-write", "write"),
    /** Connect to a host and port. */
    NET("permissions.network.domains", "--allow-net", "connect to"),
    /** Read an environment variable. */
    ENV("permissions.env", "--allow-env", "read the environment variable"),
    /** Run a program. */
    RUN("permissions.process", "--allow-run", "run"),
    /** Use a Java class through {@code hype:java}. */
    JAVA("permissions.java", null, "use the Java class"),
    /** Load native code: a C module or a binary chunk. */
    NATIVE("permissions.native", null, "load native code"),
    /** Load another package's internal file or a file outside the package; no field grants it. */
    LOAD(null, null, "load");

    private static final Map<String, Kind> BY_LUA_NAME = new HashMap<>();

    static {
        for (Kind kind : values()) {
            BY_LUA_NAME.put(kind.luaName, kind);
        }
    }

    private final String field;
    private final String flag;
    private final String verb;
    private final String luaName;

    Kind(String field, String flag, String verb) {
        this.field = field;
        this.flag = flag;
        this.verb = verb;
        this.luaName = name().toLowerCase(Locale.ROOT);
    }

    /** Return the name Lua code uses, as in {@code process.permissions.has("read", path)}. */
    public String luaName() {
        return luaName;
    }

    /** Return the kind a Lua name stands for. */
    public static Optional<Kind> of(String luaName) {
        return Optional.ofNullable(BY_LUA_NAME.get(luaName));
    }

    /** Return the {@code hype.json} field that grants this kind, if one does. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Return the {@code hype --sandbox} flag that grants this kind, if one does. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** Return how a denial names the act: "read", "connect to", ... */
    String verb() {
        return verb;
    }
}
