package dev.hype.pm.rocks.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Find a rockspec's {@code external_dependencies} entry ({@code FOO = {header = "foo.h", library = "foo"}}) on the
 * system, as LuaRocks does: under {@code $FOO_DIR}, else {@code /usr/local}, {@code /usr} and {@code /}, a header in
 * {@code include/} and a library in {@code lib/}, {@code lib64/} or the multiarch folder. {@code $FOO_INCDIR} and
 * {@code $FOO_LIBDIR} name the folders directly.
 */
final class ExternalDependency {
    private ExternalDependency() {
    }

    /**
     * Return {@code NAME_DIR}, {@code NAME_INCDIR}, {@code NAME_LIBDIR} and {@code NAME_BINDIR} for one entry.
     *
     * @throws RockException {@link RockException#E_ROCK_TOOLCHAIN} naming the library when it is not found
     */
    static Map<String, String> find(String name, JsonNode spec, Map<String, String> env, RockPlatform platform,
                                    String label) {
        String header = spec.path("header").isTextual() ? spec.get("header").asText() : null;
        String library = spec.path("library").isTextual() ? spec.get("library").asText() : null;
        List<Path> prefixes = new ArrayList<>();
        if (env.containsKey(name + "_DIR")) {
            prefixes.add(Path.of(env.get(name + "_DIR")));
        } else {
            if (platform.os().equals("macosx")) {
                prefixes.add(Path.of("/opt/homebrew"));
            }
            prefixes.addAll(List.of(Path.of("/usr/local"), Path.of("/usr"), Path.of("/")));
        }
        for (Path prefix : prefixes) {
            Path incdir = env.containsKey(name + "_INCDIR") ? Path.of(env.get(name + "_INCDIR"))
                    : prefix.resolve("include");
            if (header != null && !Files.isRegularFile(incdir.resolve(header))) {
                continue;
            }
            Path libdir = env.containsKey(name + "_LIBDIR") ? Path.of(env.get(name + "_LIBDIR"))
                    : library == null ? prefix.resolve("lib") : libraryFolder(prefix, library, platform);
            if (libdir == null) {
                continue;
            }
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put(name + "_DIR", prefix.toString());
            vars.put(name + "_INCDIR", incdir.toString());
            vars.put(name + "_LIBDIR", libdir.toString());
            vars.put(name + "_BINDIR", prefix.resolve("bin").toString());
            return vars;
        }
        String wanted = (header == null ? "" : "header " + header) + (header != null && library != null ? ", " : "")
                + (library == null ? "" : "library " + library);
        throw new RockException(RockException.E_ROCK_TOOLCHAIN, "cannot build " + label + ": it needs the C library "
                + name + " (" + wanted + "), which was not found under " + String.join(", ",
                prefixes.stream().map(Path::toString).toList()), List.of("install its development package (on Debian"
                + " and Ubuntu usually lib" + (library == null ? name.toLowerCase(java.util.Locale.ROOT) : library)
                + "-dev)", "or set " + name + "_DIR (or " + name + "_INCDIR and " + name + "_LIBDIR) to where it is"));
    }

    private static Path libraryFolder(Path prefix, String library, RockPlatform platform) {
        List<Path> folders = new ArrayList<>(List.of(prefix.resolve("lib"), prefix.resolve("lib64")));
        for (String base : List.of("lib", "lib64")) {
            try (DirectoryStream<Path> dirs = Files.newDirectoryStream(prefix.resolve(base),
                    p -> p.getFileName().toString().endsWith("-" + platform.os() + "-gnu")
                            || p.getFileName().toString().startsWith(platform.cpu() + "-"))) {
                dirs.forEach(folders::add);
            } catch (IOException e) {
                // no such folder
            }
        }
        for (Path folder : folders) {
            for (String file : List.of("lib" + library + ".so", "lib" + library + ".a", "lib" + library + ".dylib",
                    library + ".so", library)) {
                if (Files.exists(folder.resolve(file))) {
                    return folder;
                }
            }
        }
        return null;
    }
}
