package dev.hype.runtime.modules;

import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.permissions.Access;
import dev.hype.runtime.permissions.Kind;
import dev.hype.runtime.permissions.Realm;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Build the Java functions one restricted realm's globals call: each is bound to the realm's
 * {@link Access}, so no argument can name another realm. {@code sandbox.lua} keeps them in upvalues.
 */
final class RealmNatives {
    private final Access access;
    private final BuiltinModules builtins;
    private final Path processCwd = Path.of(System.getProperty("user.dir"));

    RealmNatives(Realm realm, BuiltinModules builtins) {
        this.access = realm.access();
        this.builtins = builtins;
    }

    Map<String, JavaFunction> functions() {
        Map<String, JavaFunction> functions = new LinkedHashMap<>();
        functions.put("check", this::check);
        functions.put("allows", this::allows);
        functions.put("builtin", this::builtin);
        return functions;
    }

    /**
     * {@code check(kind, resource, operation)}: raise PERMISSION_DENIED unless allowed. Paths are
     * relative to the process's directory, where the C library's {@code fopen} looks.
     */
    private int check(LuaStack s) {
        Kind kind = kind(s.checkString(1, "check"));
        String resource = s.checkString(2, "check");
        String operation = s.checkString(3, "check");
        switch (kind) {
            case READ -> access.checkRead(path(resource, operation), operation);
            case WRITE -> access.checkWrite(path(resource, operation), operation);
            case ENV -> access.checkEnv(resource, operation);
            case RUN -> access.checkRun(resource, operation);
            case JAVA -> access.checkClass(resource, operation);
            case NATIVE -> access.checkNative(resource, operation);
            case NET, LOAD -> throw access.denied(kind, operation, resource);
        }
        return 0;
    }

    /** {@code allows(kind)}: for run and native, whether the realm has them at all. */
    private int allows(LuaStack s) {
        Kind kind = kind(s.checkString(1, "allows"));
        s.pushBoolean(switch (kind) {
            case RUN -> access.mayRun();
            case NATIVE -> access.mayLoadNative();
            default -> false;
        });
        return 1;
    }

    private int builtin(LuaStack s) {
        String name = s.checkString(1, "builtin");
        BuiltinModule module = builtins.find(name, access)
                .orElseThrow(() -> new LuaError("no built-in module named '" + name + "'"));
        return LuaModuleSystem.pushBuiltin(s, module);
    }

    private Path path(String text, String operation) {
        if (text.indexOf('\0') >= 0) {
            throw new LuaError(operation + ": path must not contain zero bytes");
        }
        try {
            return processCwd.resolve(text);
        } catch (InvalidPathException e) {
            throw new LuaError(operation + ": invalid path: " + e.getReason());
        }
    }

    private static Kind kind(String name) {
        return Kind.of(name).orElseThrow(() -> new LuaError("unknown permission kind " + name));
    }
}
