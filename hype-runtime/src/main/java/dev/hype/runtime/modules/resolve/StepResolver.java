package dev.hype.runtime.modules.resolve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Implement {@link ModuleResolver}: one method per step, recording every location tried. */
final class StepResolver implements ModuleResolver {
    private static final List<String> FILE_EXTENSIONS = List.of(".lua", ".json");
    private static final List<String> INDEX_FILES = List.of("index.lua", "init.lua");

    private final ResolverOptions options;
    private final PackageJsonCache manifests = new PackageJsonCache();
    private final ExportsResolver exports;
    private final java.util.Map<Path, Path> realDirectories = new java.util.HashMap<>();
    private final java.util.Map<Path, List<Path>> rockDirectories = new java.util.HashMap<>();
    /** The folder prefix of a LuaRocks rock in {@code hype_modules/}. */
    private static final String ROCK_PREFIX = "rocks:";
    private static final java.util.regex.Pattern LUA_MODULE_NAME =
            java.util.regex.Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final String NATIVE_EXTENSION =
            System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("windows") ? ".dll" : ".so";

    StepResolver(ResolverOptions options) {
        this.options = options;
        this.exports = new ExportsResolver(options.conditions(), this::resolveImportTarget);
    }

    /** The locations one resolution tried, in order, and the package it found a file in by name. */
    private static final class Attempt {
        final List<String> tried = new ArrayList<>();
        String packageName;

        boolean isFile(Path path) {
            tried.add(path.toString());
            // java.io.File answers from one stat call, without the exception NIO builds for a miss.
            return path.toFile().isFile();
        }
    }

    /** The attempt of the resolution running now: an {@code imports} target resolves within it. */
    private Attempt current;

    @Override
    public Resolution resolve(String id, Path fromDirectory, String packagePath, boolean luaProvided) {
        Attempt attempt = new Attempt();
        current = attempt;
        Specifier specifier = Specifier.parse(id, options.builtin());
        // instanceof tests, not a switch on the type: such a switch has the JVM generate a class at
        // run time (SwitchBootstraps), which the AOT cache does not keep; ~3 ms at the first require.
        Path found;
        if (specifier instanceof Specifier.Builtin builtin) {
            if (!options.builtin().test(builtin.name())) {
                throw new ModuleNotFoundException("no built-in module named '" + builtin.name() + "' (required as '"
                        + id + "' from " + fromDirectory + ")", id, List.of());
            }
            return new Resolution(Resolution.Kind.BUILTIN, builtin.name());
        } else if (specifier instanceof Specifier.FilePath path) {
            found = resolvePath(path, fromDirectory, attempt);
        } else if (specifier instanceof Specifier.Import name) {
            found = resolveImport(name, fromDirectory, attempt);
        } else {
            found = resolveBare((Specifier.Bare) specifier, fromDirectory, attempt);
        }
        if (found != null) {
            return new Resolution(Resolution.Kind.FILE, found.toString(), attempt.packageName);
        }
        if (specifier instanceof Specifier.Bare) {
            if (luaProvided) {
                return new Resolution(Resolution.Kind.LUA_LOADED, id);
            }
            Path rock = resolveRock(id, fromDirectory, attempt);
            if (rock != null) {
                return new Resolution(Resolution.Kind.ROCK, rock.toString(), attempt.packageName);
            }
            Path onLuaPath = searchLuaPath(id, packagePath, attempt);
            if (onLuaPath != null) {
                return new Resolution(Resolution.Kind.LUA_PATH, onLuaPath.toString());
            }
        }
        throw new ModuleNotFoundException(id, fromDirectory, attempt.tried);
    }

    @Override
    public List<Path> lookupPaths(String id, Path fromDirectory) {
        Specifier specifier = Specifier.parse(id, options.builtin());
        // instanceof tests for the reason given in resolve
        if (specifier instanceof Specifier.Builtin) {
            return null;
        }
        return specifier instanceof Specifier.Bare ? moduleDirectories(fromDirectory) : List.of(fromDirectory);
    }

    // Step 2: ./, ../ and absolute paths.

    private Path resolvePath(Specifier.FilePath path, Path fromDirectory, Attempt attempt) {
        Path base = (path.absolute() ? Path.of(path.text()) : fromDirectory.resolve(path.text())).normalize();
        Path found = path.directoryOnly() ? null : loadAsFile(base, attempt);
        return found != null ? found : loadAsDirectory(base, attempt);
    }

    // Step 3: #imports of the nearest hype.json.

    private Path resolveImport(Specifier.Import name, Path fromDirectory, Attempt attempt) {
        Optional<PackageJson> scope = manifests.scope(fromDirectory);
        if (scope.isEmpty() || scope.get().imports() == null) {
            return resolveBare(new Specifier.Bare(name.text(), null, "."), fromDirectory, attempt);
        }
        Path target = exports.resolveImport(scope.get(), name.text(), fromDirectory);
        return finalizeTarget(target, name.text(), attempt);
    }

    /** Resolve a bare {@code imports} target ({@code "#dep": "some-package"}) from the package's directory. */
    private Path resolveImportTarget(String request, Path packageDirectory) {
        Attempt attempt = current == null ? new Attempt() : current;
        Specifier specifier = Specifier.parse(request, options.builtin());
        if (specifier instanceof Specifier.Bare bare) {
            Path found = resolveBare(bare, packageDirectory, attempt);
            if (found != null) {
                return found;
            }
        }
        throw new ModuleNotFoundException(request, packageDirectory, attempt.tried);
    }

    // Steps 4 and 5: self-reference, then the module directories walking up, then $HYPE_HOME/modules.

    private Path resolveBare(Specifier.Bare bare, Path fromDirectory, Attempt attempt) {
        Path self = resolveSelf(bare, fromDirectory, attempt);
        if (self != null) {
            return self;
        }
        for (Path directory : moduleDirectories(fromDirectory)) {
            if (!directory.toFile().isDirectory()) {
                continue;
            }
            Path found = loadFromModulesDirectory(directory, bare, attempt);
            if (found != null) {
                attempt.packageName = bare.packageName();
                return found;
            }
        }
        return null;
    }

    private Path resolveSelf(Specifier.Bare bare, Path fromDirectory, Attempt attempt) {
        if (bare.packageName() == null) {
            return null;
        }
        Optional<PackageJson> scope = manifests.scope(fromDirectory);
        if (scope.isEmpty() || scope.get().exports() == null || scope.get().name() == null) {
            return null;
        }
        PackageJson pkg = scope.get();
        String subpath;
        if (bare.text().equals(pkg.name())) {
            subpath = ".";
        } else if (bare.text().startsWith(pkg.name() + "/")) {
            subpath = "." + bare.text().substring(pkg.name().length());
        } else {
            return null;
        }
        Path found = finalizeTarget(exports.resolveExport(pkg, subpath), bare.text(), attempt);
        attempt.packageName = pkg.name();
        return found;
    }

    /** Return the lookup directories for a module in {@code from}: hype_modules then node_modules per level, then the home's. */
    List<Path> moduleDirectories(Path from) {
        List<Path> directories = new ArrayList<>();
        for (Path directory = from; directory != null; directory = directory.getParent()) {
            Path name = directory.getFileName();
            if (name != null && PackageJsonCache.isModulesDirectory(name.toString())) {
                continue;
            }
            directories.add(directory.resolve("hype_modules"));
            directories.add(directory.resolve("node_modules"));
        }
        directories.add(options.hypeHome().resolve("modules"));
        return directories;
    }

    private Path loadFromModulesDirectory(Path directory, Specifier.Bare bare, Attempt attempt) {
        if (bare.packageName() != null) {
            Optional<PackageJson> pkg = manifests.read(directory.resolve(bare.packageName()));
            if (pkg.isPresent() && pkg.get().exports() != null) {
                return finalizeTarget(exports.resolveExport(pkg.get(), bare.subpath()), bare.text(), attempt);
            }
        }
        Path base = directory.resolve(bare.text()).normalize();
        Path found = bare.text().endsWith("/") ? null : loadAsFile(base, attempt);
        return found != null ? found : loadAsDirectory(base, attempt);
    }

    /** Accept an {@code exports}/{@code imports} target only if it is an existing file, as Node does. */
    private Path finalizeTarget(Path target, String id, Attempt attempt) {
        if (attempt.isFile(target)) {
            return canonical(target);
        }
        throw new ModuleNotFoundException("cannot find module '" + id + "': its package maps it to " + target
                + ", which does not exist", id, attempt.tried);
    }

    // LOAD_AS_FILE, LOAD_INDEX, LOAD_AS_DIRECTORY.

    private Path loadAsFile(Path path, Attempt attempt) {
        if (attempt.isFile(path)) {
            return canonical(path);
        }
        for (String extension : FILE_EXTENSIONS) {
            Path candidate = path.resolveSibling(path.getFileName() + extension);
            if (attempt.isFile(candidate)) {
                return canonical(candidate);
            }
        }
        return null;
    }

    private Path loadIndex(Path directory, Attempt attempt) {
        for (String index : INDEX_FILES) {
            Path candidate = directory.resolve(index);
            if (attempt.isFile(candidate)) {
                return canonical(candidate);
            }
        }
        return null;
    }

    private Path loadAsDirectory(Path directory, Attempt attempt) {
        if (!directory.toFile().isDirectory()) {
            return null;
        }
        Optional<PackageJson> pkg = manifests.read(directory);
        if (pkg.isEmpty() || pkg.get().main() == null) {
            return loadIndex(directory, attempt);
        }
        Path main = directory.resolve(pkg.get().main()).normalize();
        if (!main.startsWith(directory.normalize())) {
            // A package's main may not name another package's files (or the project's).
            throw PackageConfigException.invalidField(pkg.get().file(), "main",
                    "\"" + pkg.get().main() + "\" leaves the package's directory");
        }
        Path found = loadAsFile(main, attempt);
        if (found == null) {
            found = loadIndex(main, attempt);
        }
        if (found == null) {
            found = loadIndex(directory, attempt);
        }
        if (found == null) {
            throw new ModuleNotFoundException("cannot find module '" + main + "' named by \"main\" in "
                    + pkg.get().file() + "; check that \"main\" names an existing file", main.toString(), attempt.tried);
        }
        return found;
    }

    // Step 5, rocks: a LuaRocks rock's modules by their Lua names, in each hype_modules/ walking up.

    /**
     * Find {@code id} as LuaRocks lays a rock out in {@code hype_modules/rocks:NAME/}: {@code lua/a/b.lua},
     * {@code lua/a/b/init.lua}, then the C module {@code lib/a/b.so}; rocks in name order.
     */
    private Path resolveRock(String id, Path fromDirectory, Attempt attempt) {
        if (!LUA_MODULE_NAME.matcher(id).matches() || id.contains("..")) {
            return null;
        }
        String path = id.replace('.', '/');
        List<String> candidates = List.of("lua/" + path + ".lua", "lua/" + path + "/init.lua",
                "lib/" + path + NATIVE_EXTENSION);
        for (Path directory : moduleDirectories(fromDirectory)) {
            for (Path rock : rockDirectories(directory)) {
                for (String candidate : candidates) {
                    Path file = rock.resolve(candidate);
                    if (attempt.isFile(file)) {
                        attempt.packageName = rock.getFileName().toString();
                        return canonical(file);
                    }
                }
            }
        }
        return null;
    }

    /** Return the {@code rocks:NAME} folders of a {@code hype_modules/} folder, sorted; listed once per run. */
    private List<Path> rockDirectories(Path modules) {
        if (!modules.getFileName().toString().equals("hype_modules")) {
            return List.of();
        }
        return rockDirectories.computeIfAbsent(modules, dir -> {
            String[] names = dir.toFile().list((parent, name) -> name.startsWith(ROCK_PREFIX));
            if (names == null) {
                return List.of();
            }
            java.util.Arrays.sort(names);
            List<Path> rocks = new ArrayList<>();
            for (String name : names) {
                if (dir.resolve(name).toFile().isDirectory()) {
                    rocks.add(dir.resolve(name));
                }
            }
            return List.copyOf(rocks);
        });
    }

    // Step 6: Lua's package.path.

    private Path searchLuaPath(String id, String packagePath, Attempt attempt) {
        if (packagePath == null || packagePath.isEmpty()) {
            return null;
        }
        String name = id.replace('.', '/');
        for (String template : packagePath.split(";")) {
            if (template.isEmpty()) {
                continue;
            }
            Path candidate = options.workingDirectory().resolve(template.replace("?", name)).normalize();
            if (attempt.isFile(candidate)) {
                return canonical(candidate);
            }
        }
        return null;
    }

    /** Return the file's real path: its directory's real path (cached) plus its name, unless it is a link itself. */
    private Path canonical(Path file) {
        try {
            Path parent = file.getParent();
            if (parent == null || Files.isSymbolicLink(file)) {
                return file.toRealPath();
            }
            Path realParent = realDirectories.get(parent);
            if (realParent == null) {
                realParent = parent.toRealPath();
                realDirectories.put(parent, realParent);
            }
            return realParent.resolve(file.getFileName());
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }
}
