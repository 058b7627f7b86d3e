package dev.hype.pm.rocks.build;

import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Find and run the system C compiler against Lua 5.4 headers, as LuaRocks' builtin build does on Unix: objects with
 * {@code $(CC) $(CFLAGS) -I$(LUA_INCDIR) -c}, modules with {@code $(LD) $(LIBFLAG)}. The compiler is {@code $CC},
 * else the first of {@code cc}, {@code gcc}, {@code clang} on the {@code PATH}; the headers are in
 * {@code $HYPE_LUA_INCDIR}, else the first usual folder whose {@code lua.h} says Lua 5.4.
 *
 * @param compiler the compiler command and its flags ({@code CC}, split on spaces)
 * @param luaIncdir the folder holding Lua 5.4's {@code lua.h}
 * @param luaRelease {@code LUA_VERSION_RELEASE} from {@code lua.h}, such as {@code 5.4.6}; part of the build's
 *     store key
 * @param platform the machine
 */
record CToolchain(List<String> compiler, Path luaIncdir, String luaRelease, RockPlatform platform) {
    static final List<String> INCLUDE_FOLDERS = List.of("/usr/include/lua5.4", "/usr/local/include/lua5.4",
            "/usr/include/lua/5.4", "/usr/local/include/lua/5.4", "/opt/homebrew/include/lua5.4",
            "/opt/homebrew/include/lua", "/usr/local/include/lua", "/usr/include/lua", "/usr/local/include",
            "/usr/include", "/opt/homebrew/include");
    private static final Pattern RELEASE = Pattern.compile(
            "#define\\s+LUA_VERSION_MAJOR_N\\s+(\\d+).*?#define\\s+LUA_VERSION_MINOR_N\\s+(\\d+).*?"
                    + "#define\\s+LUA_VERSION_RELEASE_N\\s+(\\d+)", Pattern.DOTALL);
    private static final Pattern RELEASE_STRING = Pattern.compile(
            "#define\\s+LUA_VERSION_MAJOR\\s+\"(\\d+)\".*?#define\\s+LUA_VERSION_MINOR\\s+\"(\\d+)\".*?"
                    + "#define\\s+LUA_VERSION_RELEASE\\s+\"(\\d+)\"", Pattern.DOTALL);
    private static final long BUILD_TIMEOUT_MINUTES = 10;

    /**
     * Find a compiler and Lua 5.4 headers for {@code label} (named in errors).
     *
     * @throws RockException {@link RockException#E_ROCK_TOOLCHAIN} naming what to install when either is missing
     */
    static CToolchain find(Map<String, String> env, RockPlatform platform, String label) {
        if (!platform.unix()) {
            throw new RockException(RockException.E_ROCK_TOOLCHAIN, label + " has C code, and Hype builds C rocks"
                    + " only on Linux, macOS and other Unix systems", List.of("use a rock without C code, or build"
                    + " on a Unix system"));
        }
        List<String> compiler = compiler(env).orElseThrow(() -> new RockException(RockException.E_ROCK_TOOLCHAIN,
                "cannot build " + label + ": it has C code and no C compiler was found (looked for $CC, cc, gcc and"
                        + " clang on the PATH)", List.of(installCompilerHint(platform),
                        "or set CC to the compiler to use")));
        Path incdir = luaHeaders(env).orElseThrow(() -> new RockException(RockException.E_ROCK_TOOLCHAIN,
                "cannot build " + label + ": it has C code and the Lua 5.4 headers (lua.h for Lua 5.4) were not"
                        + " found in " + headerFolders(env), List.of(installHeadersHint(platform),
                        "or set HYPE_LUA_INCDIR to the folder holding Lua 5.4's lua.h")));
        return new CToolchain(compiler, incdir, release(incdir.resolve("lua.h")), platform);
    }

    /** Name where the headers were looked for: {@code HYPE_LUA_INCDIR} when set, else the usual folders. */
    private static String headerFolders(Map<String, String> env) {
        String configured = env.get("HYPE_LUA_INCDIR");
        return configured != null && !configured.isBlank() ? configured + " (HYPE_LUA_INCDIR)"
                : String.join(", ", INCLUDE_FOLDERS);
    }

    private static String installCompilerHint(RockPlatform platform) {
        return platform.os().equals("macosx") ? "install one with 'xcode-select --install'"
                : "install one: 'apt-get install gcc' (Debian, Ubuntu), 'dnf install gcc' (Fedora), 'apk add gcc"
                + " musl-dev' (Alpine)";
    }

    private static String installHeadersHint(RockPlatform platform) {
        return platform.os().equals("macosx") ? "install them with 'brew install lua'"
                : "install them: 'apt-get install liblua5.4-dev' (Debian, Ubuntu), 'dnf install lua-devel' (Fedora),"
                + " 'apk add lua5.4-dev' (Alpine)";
    }

    static java.util.Optional<List<String>> compiler(Map<String, String> env) {
        String cc = env.get("CC");
        if (cc != null && !cc.isBlank()) {
            List<String> parts = List.of(cc.trim().split("\\s+"));
            return onPath(parts.getFirst(), env) ? java.util.Optional.of(parts) : java.util.Optional.empty();
        }
        for (String candidate : List.of("cc", "gcc", "clang")) {
            if (onPath(candidate, env)) {
                return java.util.Optional.of(List.of(candidate));
            }
        }
        return java.util.Optional.empty();
    }

    static boolean onPath(String command, Map<String, String> env) {
        if (command.contains("/")) {
            return Files.isExecutable(Path.of(command));
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    static java.util.Optional<Path> luaHeaders(Map<String, String> env) {
        List<String> folders = new ArrayList<>();
        String configured = env.get("HYPE_LUA_INCDIR");
        if (configured != null && !configured.isBlank()) {
            folders.add(configured);
        } else {
            folders.addAll(INCLUDE_FOLDERS);
        }
        for (String folder : folders) {
            Path header = Path.of(folder, "lua.h");
            if (Files.isRegularFile(header) && release(header).startsWith("5.4.")) {
                return java.util.Optional.of(Path.of(folder));
            }
        }
        return java.util.Optional.empty();
    }

    /** Return {@code MAJOR.MINOR.RELEASE} from a {@code lua.h}, or empty text when it says none. */
    static String release(Path luaH) {
        try {
            String text = Files.readString(luaH, StandardCharsets.ISO_8859_1);
            Matcher m = RELEASE.matcher(text);
            if (m.find()) {
                return m.group(1) + "." + m.group(2) + "." + m.group(3);
            }
            m = RELEASE_STRING.matcher(text);
            return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Return the variables a rockspec's flags may name, LuaRocks' names. */
    Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("CC", String.join(" ", compiler));
        vars.put("LD", String.join(" ", compiler));
        vars.put("CFLAGS", String.join(" ", cflags()));
        vars.put("LIBFLAG", String.join(" ", libflags()));
        vars.put("LUA_INCDIR", luaIncdir.toString());
        vars.put("LUA_VERSION", "5.4");
        vars.put("LIB_EXTENSION", platform.libraryExtension());
        vars.put("OBJ_EXTENSION", "o");
        return vars;
    }

    private static List<String> cflags() {
        return List.of("-O2", "-fPIC");
    }

    private List<String> libflags() {
        return platform.os().equals("macosx") ? List.of("-bundle", "-undefined", "dynamic_lookup", "-all_load")
                : List.of("-shared");
    }

    /** Compile one source file to an object, in {@code directory}. */
    void compile(Path directory, String source, String object, List<String> defines, List<String> incdirs,
                 String label) {
        List<String> command = new ArrayList<>(compiler);
        command.addAll(cflags());
        command.add("-I" + luaIncdir);
        command.addAll(List.of("-c", source, "-o", object));
        defines.forEach(d -> command.add("-D" + d));
        incdirs.forEach(d -> command.add("-I" + d));
        run(directory, command, label, "compiling " + source);
    }

    /** Link objects into a module, in {@code directory}. */
    void link(Path directory, String library, List<String> objects, List<String> libdirs, List<String> libraries,
              String label) {
        List<String> command = new ArrayList<>(compiler);
        command.addAll(libflags());
        command.addAll(List.of("-o", library));
        command.addAll(objects);
        libdirs.forEach(d -> command.add("-L" + d));
        if (platform.os().equals("linux") || platform.os().equals("freebsd")) {
            libdirs.forEach(d -> command.add("-Wl,-rpath," + d));
        }
        libraries.forEach(l -> command.add("-l" + l));
        run(directory, command, label, "linking " + library);
    }

    private static void run(Path directory, List<String> command, String label, String step) {
        Path log = null;
        try {
            log = Files.createTempFile("hype-cc-", ".log");
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullInput())).start();
            if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": " + step
                        + " took more than " + BUILD_TIMEOUT_MINUTES + " minutes", List.of());
            }
            if (process.exitValue() != 0) {
                String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                if (output.length() > 4000) {
                    output = "..." + output.substring(output.length() - 4000);
                }
                throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": " + step
                        + " failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + (output.isEmpty() ? "" : "\n" + output), List.of("the compiler's messages above say why;"
                        + " a missing header usually means a missing development package"));
            }
        } catch (IOException e) {
            throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": " + step + ": "
                    + e.getMessage(), List.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": interrupted", List.of());
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a leftover log in the temporary folder is harmless
                }
            }
        }
    }

    private static File nullInput() {
        return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
    }
}
