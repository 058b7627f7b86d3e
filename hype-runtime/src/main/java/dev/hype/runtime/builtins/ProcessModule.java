package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import dev.hype.runtime.permissions.Access;
import dev.hype.runtime.permissions.Kind;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Provide {@code process}: the working directory, the environment, the platform and a monotonic
 * clock from Java; {@code argv}, {@code exit} and the standard streams in {@code process.lua}.
 * A restricted realm's instance checks its {@link Access} for the environment and {@code chdir},
 * and answers {@code process.permissions.has}.
 */
final class ProcessModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("process");
    private static final NativeEnvironment ENVIRONMENT = new NativeEnvironment();

    private final WorkingDirectory cwd;
    private final Access access;
    private final Map<String, JavaFunction> natives;

    ProcessModule(WorkingDirectory cwd, Access access) {
        this.cwd = cwd;
        this.access = access;
        Map<String, JavaFunction> fns = new LinkedHashMap<>(Map.of(
                "cwd", s -> {
                    s.pushString(cwd.current().toString());
                    return 1;
                },
                "chdir", this::chdir,
                "hrtime", s -> {
                    s.pushInteger(System.nanoTime());
                    return 1;
                },
                "pid", s -> {
                    s.pushInteger(ProcessHandle.current().pid());
                    return 1;
                },
                "platform", s -> {
                    s.pushString(platform());
                    return 1;
                },
                "arch", s -> {
                    s.pushString(arch());
                    return 1;
                },
                "setenv", this::setenv,
                "getenv", s -> {
                    String name = s.checkString(1, "getenv");
                    access.checkEnv(name, "process.env");
                    String value = ENVIRONMENT.get(name);
                    if (value == null) {
                        s.pushNil();
                    } else {
                        s.pushString(value);
                    }
                    return 1;
                },
                "changesProcess", s -> {
                    s.pushBoolean(ENVIRONMENT.changesProcess());
                    return 1;
                },
                "environ", this::environ));
        fns.put("restricted", s -> {
            s.pushBoolean(!access.unrestricted());
            return 1;
        });
        fns.put("has", this::has);
        this.natives = Map.copyOf(fns);
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Chunk source() {
        return SOURCE;
    }

    @Override
    public Map<String, JavaFunction> natives() {
        return natives;
    }

    private int chdir(LuaStack s) {
        String name = s.checkString(1, "chdir");
        if (!access.mayRun()) {
            // The working directory is the whole program's: moving it is a process-wide act.
            throw access.denied(Kind.RUN, "process.chdir", name);
        }
        Path target;
        try {
            target = cwd.resolve(Path.of(name));
        } catch (InvalidPathException e) {
            throw LuaError.badArgument(1, "chdir", "invalid path: " + e.getReason());
        }
        if (!Files.exists(target)) {
            throw new FsError(FsError.Code.ENOENT, "chdir", name);
        }
        if (!Files.isDirectory(target)) {
            throw new FsError(FsError.Code.ENOTDIR, "chdir", name);
        }
        cwd.change(target);
        return 0;
    }

    /** {@code setenv(name, value)}: value nil removes the variable; process.lua checks the types. */
    private int setenv(LuaStack s) {
        String name = s.checkString(1, "setenv");
        String value = s.type(2) == LuaType.NIL || s.type(2) == LuaType.NONE ? null : s.checkString(2, "setenv");
        access.checkEnv(name, "process.env");
        ENVIRONMENT.put(name, value);
        return 0;
    }

    private int environ(LuaStack s) {
        Map<String, String> all = ENVIRONMENT.snapshot();
        s.newTable(0, all.size());
        all.forEach((k, v) -> {
            if (!access.mayReadEnv(k)) {
                return;
            }
            s.pushString(k);
            s.pushString(v);
            s.rawSet(-3);
        });
        return 1;
    }

    /** {@code has(kind, resource)}: whether the realm may; paths resolve against the working directory. */
    private int has(LuaStack s) {
        String kindName = s.checkString(1, "has");
        Kind kind = Kind.of(kindName).filter(k -> k != Kind.LOAD).orElseThrow(() -> LuaError.badArgument(1, "has",
                "unknown permission kind '" + kindName + "' (expected read, write, net, env, run, java or native)"));
        String resource = s.optString(2, "has", null);
        if (resource == null && (kind == Kind.READ || kind == Kind.WRITE || kind == Kind.NET || kind == Kind.ENV
                || kind == Kind.JAVA)) {
            throw LuaError.badArgument(2, "has", "string expected, got no value");
        }
        s.pushBoolean(PermissionQuery.allows(access, kind, resource, cwd));
        return 1;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "win32";
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return "darwin";
        }
        if (os.startsWith("linux")) {
            return "linux";
        }
        return os.replace(" ", "");
    }

    static String arch() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "ia32";
            case String other -> other;
        };
    }
}
