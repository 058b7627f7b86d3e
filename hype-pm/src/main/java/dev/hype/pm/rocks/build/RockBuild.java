package dev.hype.pm.rocks.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.Rockspec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build a source rock as LuaRocks' {@code builtin} build type does, into the layout LuaRocks installs one rock in:
 * {@code lua/} (Lua modules by module path), {@code lib/} (C modules), {@code bin/}, {@code conf/}, the copied
 * directories and the rockspec. Build types {@code builtin} (and its old name {@code module}) and {@code none} run;
 * {@code make}, {@code cmake}, {@code command} and others are refused with {@link RockException#E_ROCK_BUILD}.
 */
final class RockBuild {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\((\\w+)\\)");
    private static final Pattern LUAOPEN = Pattern.compile("int\\s+luaopen_([a-zA-Z0-9_]+)");

    private final Rockspec rockspec;
    private final String label;
    private final Path source;
    private final Path output;
    private final RockPlatform platform;
    private final Supplier<CToolchain> toolchain;
    private final Map<String, String> env;
    private CToolchain tools;
    private final Map<String, String> variables = new LinkedHashMap<>();

    /**
     * Prepare a build.
     *
     * @param source the rock's unpacked source tree, writable (objects are compiled in place)
     * @param output the rock's install folder, created by the build
     * @param toolchain finds the compiler and headers, asked only when a module has C code
     */
    RockBuild(Rockspec rockspec, String label, Path source, Path output, RockPlatform platform,
              Supplier<CToolchain> toolchain, Map<String, String> env) {
        this.rockspec = rockspec;
        this.label = label;
        this.source = source;
        this.output = output;
        this.platform = platform;
        this.toolchain = toolchain;
        this.env = env;
    }

    /** Run the build; return whether it compiled C code. */
    boolean run() throws IOException {
        JsonNode build = rockspec.build();
        String type = build.path("type").isTextual() ? build.get("type").asText() : null;
        if (type == null) {
            if (!rockspec.formatAtLeast("3.0")) {
                throw fail("its rockspec has no build.type (required before rockspec_format 3.0)");
            }
            type = "builtin";
        }
        if (build.has("patches") && !build.get("patches").isEmpty()) {
            throw fail("its rockspec applies build.patches, which Hype does not apply");
        }
        writeExtraFiles(build.path("extra_files"));
        Files.createDirectories(output);
        boolean compiled = false;
        switch (type) {
            case "builtin", "module" -> compiled = builtin(build);
            case "none" -> {
                // nothing to build; the install tables and copied directories follow
            }
            default -> throw new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": its build"
                    + " type is '" + type + "', and Hype runs only the 'builtin' and 'none' build types",
                    List.of("'make', 'cmake' and 'command' builds run arbitrary tools at install time, which Hype"
                            + " does not do; use a version of the rock with a builtin build, or vendor the module"));
        }
        installTables(build.path("install"));
        copyDirectories(build.path("copy_directories"));
        return compiled;
    }

    // The builtin build type: build.modules, or the modules found by rockspec_format 3.0's autodetection.

    private boolean builtin(JsonNode build) throws IOException {
        JsonNode modules = build.path("modules");
        Map<String, JsonNode> entries = new TreeMap<>();
        if (modules.isObject()) {
            modules.properties().forEach(e -> entries.put(e.getKey(), e.getValue()));
        } else if (!modules.isMissingNode() && !modules.isNull() && !(modules.isArray() && modules.isEmpty())) {
            throw fail("its build.modules is not a table of module names");
        } else if (rockspec.formatAtLeast("3.0")) {
            entries.putAll(autodetect());
        } else {
            throw fail("its rockspec has no build.modules table");
        }
        boolean compiled = false;
        for (var e : entries.entrySet()) {
            String name = e.getKey();
            JsonNode info = e.getValue();
            checkModuleName(name, "build.modules");
            if (info.isTextual() && info.asText().endsWith(".lua")) {
                installLuaModule(name, info.asText());
            } else if (info.isTextual() || info.isArray() || info.isObject()) {
                buildCModule(name, info);
                compiled = true;
            } else {
                throw fail("build.modules." + name + " is neither a file name nor a table of C sources");
            }
        }
        Path lua = source.resolve("lua");
        if (Files.isDirectory(lua)) {
            copyContents(lua, output.resolve("lua"));
        }
        return compiled;
    }

    private void checkModuleName(String name, String field) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.contains("..")
                || name.startsWith(".") || name.endsWith(".")) {
            throw fail(field + " names a module '" + name + "', which is not a Lua module name");
        }
    }

    /** Place a Lua module as builtin.lua does: {@code lua/<module path>/<last part>.lua}, {@code init.lua} kept. */
    private void installLuaModule(String name, String file) throws IOException {
        Path from = inSource(file, "build.modules." + name);
        String directory = moduleDirectory(name);
        String fileName = baseName(file);
        if (fileName.equals("init.lua") && !name.endsWith(".init")) {
            directory = moduleDirectory(name + ".init");
        } else {
            fileName = lastPart(name) + ".lua";
        }
        copyFile(from, output.resolve("lua").resolve(directory).resolve(fileName));
    }

    private void buildCModule(String name, JsonNode info) throws IOException {
        if (tools == null) {
            tools = toolchain.get();
            variables.putAll(tools.variables());
            externalDependencies();
        }
        List<String> sources = new ArrayList<>();
        JsonNode list = info.isTextual() ? null : info.has("1") || info.isArray() ? info : info.path("sources");
        if (info.isTextual()) {
            sources.add(info.asText());
        } else {
            strings(list, "build.modules." + name + ".sources").forEach(sources::add);
        }
        if (sources.isEmpty()) {
            throw fail("build.modules." + name + " lists no C sources");
        }
        List<String> defines = flags(info, "defines", name);
        List<String> incdirs = flags(info, "incdirs", name);
        List<String> libdirs = flags(info, "libdirs", name);
        List<String> libraries = flags(info, "libraries", name);
        List<String> objects = new ArrayList<>();
        for (String file : sources) {
            inSource(file, "build.modules." + name);
            String object = file.replaceAll("\\.[^./]*$", "") + ".o";
            tools.compile(source, file, object, defines, incdirs, label);
            objects.add(object);
        }
        String directory = moduleDirectory(name);
        String library = (directory.isEmpty() ? "" : directory + "/") + lastPart(name) + "."
                + platform.libraryExtension();
        Files.createDirectories(source.resolve(library).getParent());
        tools.link(source, library, objects, libdirs, libraries, label);
        copyFile(source.resolve(library), output.resolve("lib").resolve(library));
    }

    private List<String> flags(JsonNode info, String field, String module) {
        if (!info.isObject()) {
            return List.of();
        }
        JsonNode node = info.path(field);
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() || node.isObject()) {
            values.addAll(strings(node, "build.modules." + module + "." + field));
        } else if (node.isNumber()) {
            values.add(node.asText());
        }
        List<String> substituted = new ArrayList<>();
        for (String value : values) {
            substituted.add(substitute(value));
        }
        return substituted;
    }

    /** Replace {@code $(NAME)} as util.variable_substitutions does; unknown names become empty. */
    private String substitute(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Find each external dependency's folders, as LuaRocks does, into {@code NAME_INCDIR} and {@code NAME_LIBDIR}. */
    private void externalDependencies() {
        JsonNode deps = rockspec.tree().path("external_dependencies");
        Map<String, JsonNode> wanted = new TreeMap<>();
        if (deps.isObject()) {
            deps.properties().forEach(e -> wanted.put(e.getKey(), e.getValue()));
        }
        for (var dep : wanted.entrySet()) {
            ExternalDependency.find(dep.getKey(), dep.getValue(), env, platform, label).forEach(variables::put);
        }
    }

    // rockspec_format 3.0: modules found by looking, as builtin.autodetect_modules does.

    private Map<String, JsonNode> autodetect() throws IOException {
        Map<String, JsonNode> modules = new TreeMap<>();
        String prefix = "";
        for (String parent : List.of("src", "lua", "lib")) {
            if (Files.isDirectory(source.resolve(parent))) {
                prefix = parent + "/";
                break;
            }
        }
        Path root = prefix.isEmpty() ? source : source.resolve(prefix);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> files.add(root.relativize(p).toString().replace('\\', '/')));
        }
        files.sort(null);
        List<String> skip = List.of("spec", ".luarocks", "lua_modules", "test.lua", "tests.lua");
        for (String file : files) {
            String first = file.contains("/") ? file.substring(0, file.indexOf('/')) : file;
            if (skip.contains(first)) {
                continue;
            }
            if (file.endsWith(".lua")) {
                modules.put(pathToModule(file), com.fasterxml.jackson.databind.node.TextNode.valueOf(prefix + file));
            } else if (file.endsWith(".c")) {
                String text = Files.readString(root.resolve(file), StandardCharsets.ISO_8859_1);
                Matcher m = LUAOPEN.matcher(text);
                String name = m.find() ? m.group(1) : pathToModule(file.substring(0, file.length() - 2) + ".lua");
                var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
                node.put("sources", prefix + file);
                modules.put(name, node);
            }
        }
        if (rockspec.build().path("install").isMissingNode()) {
            Path bin = Files.isDirectory(source.resolve("src/bin")) ? source.resolve("src/bin")
                    : Files.isDirectory(source.resolve("bin")) ? source.resolve("bin") : null;
            if (bin != null) {
                try (Stream<Path> list = Files.list(bin)) {
                    for (Path p : list.sorted().toList()) {
                        copyFile(p, output.resolve("bin").resolve(p.getFileName().toString()));
                    }
                }
            }
        }
        return modules;
    }

    private static String pathToModule(String file) {
        String name = file.endsWith(".lua") ? file.substring(0, file.length() - 4) : file;
        return name.replace('/', '.').replaceAll("^\\.+", "").replaceAll("\\.+$", "");
    }

    // build.install, copy_directories, extra_files.

    private void installTables(JsonNode install) throws IOException {
        if (!install.isObject()) {
            return;
        }
        installTo(install.path("lua"), "lua", true);
        installTo(install.path("lib"), "lib", true);
        installTo(install.path("bin"), "bin", false);
        installTo(install.path("conf"), "conf", false);
    }

    /** Install files as build.lua's install_to does: module names place them by module path. */
    private void installTo(JsonNode files, String location, boolean modulePath) throws IOException {
        if (!files.isObject() && !files.isArray()) {
            return;
        }
        Map<String, String> entries = new TreeMap<>();
        if (files.isArray()) {
            for (int i = 0; i < files.size(); i++) {
                entries.put(String.valueOf(i + 1), files.get(i).asText());
            }
        } else {
            files.properties().forEach(e -> entries.put(e.getKey(), e.getValue().asText()));
        }
        for (var e : entries.entrySet()) {
            String key = e.getKey();
            String file = e.getValue();
            Path from = inSource(file, "build.install." + location);
            Path destination = output.resolve(location);
            String fileName = baseName(file);
            if (!key.matches("\\d+")) {
                if (modulePath) {
                    checkModuleName(key, "build.install." + location);
                    destination = destination.resolve(moduleDirectory(key));
                    if (fileName.endsWith(".lua")) {
                        fileName = lastPart(key) + ".lua";
                    }
                } else {
                    checkRelative(key, "build.install." + location);
                    String dir = key.contains("/") ? key.substring(0, key.lastIndexOf('/')) : "";
                    destination = destination.resolve(dir);
                    fileName = baseName(key);
                }
            }
            copyFile(from, destination.resolve(fileName));
        }
    }

    private void copyDirectories(JsonNode list) throws IOException {
        List<String> directories = new ArrayList<>();
        boolean byDefault = list.isMissingNode() || list.isNull();
        if (byDefault) {
            directories.add("doc");
        } else {
            directories.addAll(strings(list, "build.copy_directories"));
        }
        boolean any = false;
        for (String directory : directories) {
            checkRelative(directory, "build.copy_directories");
            Path from = source.resolve(directory).normalize();
            if (Files.isDirectory(from)) {
                copyContents(from, output.resolve(directory));
                any = true;
            } else if (!byDefault) {
                throw fail("build.copy_directories names '" + directory + "', which the source does not have");
            }
        }
        if (!any) {
            defaultDocs();
        }
    }

    /** Copy README, LICENSE, COPYING and *.md files to doc/, as LuaRocks does when nothing else was copied. */
    private void defaultDocs() throws IOException {
        try (Stream<Path> list = Files.list(source)) {
            for (Path p : list.sorted().toList()) {
                String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (lower.startsWith("readme")
                        || lower.startsWith("license") || lower.startsWith("copying") || lower.endsWith(".md"))) {
                    copyFile(p, output.resolve("doc").resolve(p.getFileName().toString()));
                }
            }
        }
    }

    private void writeExtraFiles(JsonNode files) throws IOException {
        if (!files.isObject()) {
            return;
        }
        for (var e : files.properties()) {
            checkRelative(e.getKey(), "build.extra_files");
            Path target = source.resolve(e.getKey()).normalize();
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue().asText(), StandardCharsets.ISO_8859_1);
        }
    }

    // Helpers.

    private Path inSource(String file, String field) {
        checkRelative(file, field);
        Path path = source.resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw fail(field + " names '" + file + "', which the source does not have");
        }
        return path;
    }

    private void checkRelative(String file, String field) {
        if (file.isEmpty() || file.startsWith("/") || file.contains("\\") || file.matches("^[A-Za-z]:.*")
                || List.of(file.split("/")).contains("..")) {
            throw fail(field + " names '" + file + "', which is not a path inside the rock's source");
        }
    }

    /** Return {@code path.module_to_path}: the folder part of a module name, {@code a.b.c} gives {@code a/b}. */
    private static String moduleDirectory(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot).replace('.', '/');
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String baseName(String file) {
        String trimmed = file.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private List<String> strings(JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
            return values;
        }
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isObject()) {
            // a table with an array part and other keys arrives as an object with "1", "2", ... keys
            for (int i = 1; node.has(String.valueOf(i)); i++) {
                values.add(node.get(String.valueOf(i)).asText());
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw fail(field + " must be a list of strings");
        }
        return values;
    }

    private static void copyFile(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Copy the files under {@code from} into {@code to}, replacing what is there, keeping file modes. */
    static void copyContents(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    copyFile(p, target);
                }
            }
        }
    }

    private RockException fail(String problem) {
        return new RockException(RockException.E_ROCK_BUILD, "cannot build " + label + ": " + problem,
                List.of("LuaRocks would refuse this rockspec too; ask the rock's authors to fix it"));
    }
}
