package dev.hype.pm.rocks;

import java.util.List;
import java.util.Locale;

/**
 * Name the machine as LuaRocks does: its platforms (for a rockspec's {@code platforms} overrides, least specific
 * first), its arch string ({@code linux-x86_64}), and the file extension of C modules.
 *
 * @param os LuaRocks' system name: {@code linux}, {@code macosx}, {@code freebsd}, {@code windows}, ...
 * @param cpu the processor: {@code x86_64}, {@code aarch64}, ...
 * @param platforms the platform names whose overrides apply, in LuaRocks' order
 */
public record RockPlatform(String os, String cpu, List<String> platforms) {
    /** Copy the list. */
    public RockPlatform {
        platforms = List.copyOf(platforms);
    }

    /** Return the platform of this machine. */
    public static RockPlatform current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String cpu = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "x86";
            default -> System.getProperty("os.arch", "unknown");
        };
        if (name.contains("linux")) {
            return new RockPlatform("linux", cpu, List.of("unix", "linux"));
        }
        if (name.contains("mac") || name.contains("darwin")) {
            return new RockPlatform("macosx", cpu, List.of("unix", "bsd", "macosx"));
        }
        if (name.contains("freebsd")) {
            return new RockPlatform("freebsd", cpu, List.of("unix", "bsd", "freebsd"));
        }
        if (name.contains("windows")) {
            return new RockPlatform("windows", cpu, List.of("windows", "win32"));
        }
        return new RockPlatform(name.replaceAll("[^a-z0-9]", ""), cpu, List.of("unix"));
    }

    /** Return LuaRocks' arch string, such as {@code linux-x86_64}. */
    public String arch() {
        return os + "-" + cpu;
    }

    /** Return whether this is a Unix-like system (where Hype builds C rocks). */
    public boolean unix() {
        return platforms.contains("unix");
    }

    /** Return the extension of C modules: {@code so}, or {@code dll} on Windows. */
    public String libraryExtension() {
        return os.equals("windows") ? "dll" : "so";
    }
}
