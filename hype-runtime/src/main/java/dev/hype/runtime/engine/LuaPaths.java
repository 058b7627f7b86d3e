package dev.hype.runtime.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compute {@code package.path} and {@code package.cpath} as {@code lua5.4} does: the default
 * trees, or {@code LUA_PATH_5_4} / {@code LUA_PATH} (and the {@code CPATH} pair) with
 * {@code ;;} standing for the default.
 *
 * <p>The defaults are those of Debian's {@code lua5.4} (the {@code /usr/local} trees, the
 * distribution's {@code /usr/share/lua/5.4} and multiarch {@code /usr/lib/TRIPLET/lua/5.4}), plus
 * the user's LuaRocks tree ({@code ~/.luarocks}, where {@code luarocks --local} installs), then the
 * working directory: a module installed for {@code lua5.4} is found without settings.
 */
record LuaPaths(String path, String cpath) {

    /** Return the paths for this process's environment, or the defaults when {@code ignoreEnvironment}. */
    static LuaPaths of(Map<String, String> environment, boolean ignoreEnvironment) {
        String home = environment.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        String path = defaultPath(home);
        String cpath = defaultCpath(home);
        if (!ignoreEnvironment) {
            path = apply(environment, "LUA_PATH", path);
            cpath = apply(environment, "LUA_CPATH", cpath);
        }
        return new LuaPaths(path, cpath);
    }

    static String defaultPath(String home) {
        List<String> trees = new ArrayList<>(List.of("/usr/local/share/lua/5.4", "/usr/local/lib/lua/5.4"));
        if (linux()) {
            trees.add("/usr/share/lua/5.4");
        }
        if (home != null && !home.isEmpty()) {
            trees.add(Path.of(home, ".luarocks", "share", "lua", "5.4").toString());
        }
        List<String> templates = new ArrayList<>();
        for (String tree : trees) {
            templates.add(tree + "/?.lua");
            templates.add(tree + "/?/init.lua");
        }
        templates.add("./?.lua");
        templates.add("./?/init.lua");
        return String.join(";", templates);
    }

    static String defaultCpath(String home) {
        List<String> templates = new ArrayList<>(List.of("/usr/local/lib/lua/5.4/?.so"));
        if (linux()) {
            String triplet = multiarch();
            if (triplet != null) {
                templates.add("/usr/lib/" + triplet + "/lua/5.4/?.so");
            }
            templates.add("/usr/lib/lua/5.4/?.so");
        }
        templates.add("/usr/local/lib/lua/5.4/loadall.so");
        if (home != null && !home.isEmpty()) {
            templates.add(Path.of(home, ".luarocks", "lib", "lua", "5.4").toString() + "/?.so");
        }
        templates.add("./?.so");
        return String.join(";", templates);
    }

    /** lua5.4's setpath: the versioned variable, else the plain one; the first {@code ;;} is the default. */
    static String apply(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name + "_5_4");
        if (value == null) {
            value = environment.get(name);
        }
        if (value == null) {
            return fallback;
        }
        int mark = value.indexOf(";;");
        if (mark < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        if (mark > 0) {
            out.append(value, 0, mark).append(';');
        }
        out.append(fallback);
        if (mark < value.length() - 2) {
            out.append(';').append(value, mark + 2, value.length());
        }
        return out.toString();
    }

    private static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    /** Debian's multiarch triplet for this JVM's architecture. */
    private static String multiarch() {
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64", "arm64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "x86", "i386", "i686" -> "i386-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> null;
        };
    }
}
