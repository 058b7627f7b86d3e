package dev.hype.runtime.builtins;

import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Provide {@code process}: the working directory, the environment, the platform and a monotonic
 * clock from Java; {@code argv}, {@code exit} and the standard streams in {@code process.lua}.
 */
final class ProcessModule implements BuiltinModule {
    private static final Chunk SOURCE = ModuleSource.load("process");
    private static final NativeEnvironment ENVIRONMENT = new NativeEnvironment();

    private final WorkingDirectory cwd;
    private final Map<String, JavaFunction> natives;

    ProcessModule(WorkingDirectory cwd) {
        this.cwd = cwd;
        this.natives = Map.of(
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
                "setenv", ProcessModule::setenv,
                "getenv", s -> {
                    String value = ENVIRONMENT.get(s.checkString(1, "getenv"));
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
                "environ", ProcessModule::environ);
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
    private static int setenv(LuaStack s) {
        String name = s.checkString(1, "setenv");
        String value = s.type(2) == LuaType.NIL || s.type(2) == LuaType.NONE ? null : s.checkString(2, "setenv");
        ENVIRONMENT.put(name, value);
        return 0;
    }

    private static int environ(LuaStack s) {
        Map<String, String> all = ENVIRONMENT.snapshot();
        s.newTable(0, all.size());
        all.forEach((k, v) -> {
            s.pushString(k);
            s.pushString(v);
            s.rawSet(-3);
        });
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
