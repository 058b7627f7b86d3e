package dev.hype.runtime.modules;

import dev.hype.runtime.HypeException;
import dev.hype.runtime.builtins.BuiltinModule;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaError;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.LuaStack;
import dev.hype.runtime.engine.LuaType;
import dev.hype.runtime.modules.resolve.ModuleNotFoundException;
import dev.hype.runtime.modules.resolve.ModuleResolver;
import dev.hype.runtime.modules.resolve.Resolution;
import dev.hype.runtime.permissions.Kind;
import dev.hype.runtime.permissions.Realm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Implement {@link ModuleSystem}: {@code modules.lua} keeps the caches and runs modules; the
 * natives here answer its cache misses (resolution, JSON, built-ins).
 */
final class LuaModuleSystem implements ModuleSystem {
    private final LuaRuntime runtime;
    private final ModuleOptions options;
    private final ModuleResolver resolver;
    private final Set<Path> loaded = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Path canonicalCwd;
    private final Map<String, Realm> realms = new ConcurrentHashMap<>();
    private final InstalledFeatures features;

    LuaModuleSystem(LuaRuntime runtime, ModuleOptions options) {
        this.runtime = runtime;
        this.options = options;
        this.resolver = ModuleResolver.create(options.resolverOptions());
        this.features = new InstalledFeatures(options.realms());
        Path cwd = options.workingDirectory();
        try {
            cwd = cwd.toRealPath();
        } catch (IOException e) {
            // keep the path as given
        }
        this.canonicalCwd = cwd;
        runtime.install(null, luaSide(), natives());
    }

    @Override
    public int runMain(Path script, List<String> args) {
        Path canonical = canonicalScript(script);
        if (!Files.isReadable(canonical)) {
            throw new HypeException("E_SCRIPT_UNREADABLE", "cannot read " + script);
        }
        String display = script.toString();
        loaded.add(canonical);
        String producer = "return debug.getregistry()['hype.modules'].main_chunk(" + literal(canonical.toString()) + ", "
                + literal(display) + ")";
        return runtime.runProduced(Chunk.ofText(producer, "[hype] main"), display, args);
    }

    @Override
    public void requireFrom(Path file, String display) {
        Path canonical = canonicalScript(file);
        runtime.run(Chunk.ofText("debug.getregistry()['hype.modules'].require_from(" + literal(canonical.toString())
                + ", " + literal(display) + ")", "[hype] require_from"), display, List.of());
    }

    @Override
    public Set<Path> loadedFiles() {
        synchronized (loaded) {
            return Set.copyOf(loaded);
        }
    }

    private static Path canonicalScript(Path script) {
        try {
            return script.toRealPath();
        } catch (NoSuchFileException e) {
            throw new HypeException("E_SCRIPT_NOT_FOUND", "cannot open " + script + " (no such file)");
        } catch (IOException e) {
            throw new HypeException("E_SCRIPT_UNREADABLE", "cannot read " + script + ": " + e.getMessage());
        }
    }

    /** Drop a UTF-8 byte order mark and comment out a first line starting with {@code #}, as {@code modules.lua} does. */
    static byte[] commentShebang(byte[] source) {
        if (source.length >= 3 && (source[0] & 0xff) == 0xEF && (source[1] & 0xff) == 0xBB && (source[2] & 0xff) == 0xBF) {
            source = java.util.Arrays.copyOfRange(source, 3, source.length);
        }
        if (source.length == 0 || source[0] != '#') {
            return source;
        }
        byte[] out = new byte[source.length + 2];
        out[0] = '-';
        out[1] = '-';
        System.arraycopy(source, 0, out, 2, source.length);
        return out;
    }

    /** Quote {@code text} as a Lua string literal that survives any bytes. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '/' || c == '.' || c == '_' || c == '-' || c == ' ') {
                out.append((char) c);
            } else {
                out.append('\\').append(String.format("%03d", c));
            }
        }
        return out.append('"').toString();
    }

    private static Chunk luaSide() {
        return resource("modules.lua", "=[hype] modules");
    }

    private static Chunk resource(String name, String chunkName) {
        return Chunk.ofResource(LuaModuleSystem.class, name, chunkName);
    }

    private Map<String, JavaFunction> natives() {
        Map<String, JavaFunction> natives = new LinkedHashMap<>();
        natives.put("config", this::config);
        natives.put("resolve", this::resolve);
        natives.put("paths", this::paths);
        natives.put("canonical", this::canonical);
        natives.put("read_json", this::readJson);
        natives.put("builtin", this::builtin);
        natives.put("realm", this::realm);
        natives.put("realm_api", this::realmApi);
        natives.put("features", this::features);
        natives.put("sandbox", stack -> {
            stack.load(resource("sandbox.lua", "=[hype] sandbox"));
            return 1;
        });
        natives.put("realms", stack -> {
            stack.load(resource("realms.lua", "=[hype] realms"));
            return 1;
        });
        natives.put("warn", stack -> {
            options.warnings().accept(stack.checkString(1, "warn"));
            return 0;
        });
        return natives;
    }

    private int config(LuaStack stack) {
        stack.newTable(0, 3);
        stack.pushBoolean(options.strictCycles());
        stack.setField(-2, "strict");
        stack.pushString(canonicalCwd.toString());
        stack.setField(-2, "cwd");
        stack.pushString(System.getProperty("java.io.tmpdir"));
        stack.setField(-2, "tmpdir");
        List<String> names = options.builtins().names();
        stack.newTable(names.size(), 0);
        for (int i = 0; i < names.size(); i++) {
            stack.pushString(names.get(i));
            stack.rawSetIndex(-2, i + 1);
        }
        stack.setField(-2, "builtins");
        return 1;
    }

    /** {@code resolve(dir, id, package_path, lua_provided)} → kind, key, display, or nil, code, message, tried. */
    private int resolve(LuaStack stack) {
        return resolveFor(stack, null);
    }

    /**
     * Resolve for code of {@code realm} (null: trusted code). A restricted realm may load its own
     * files, built-ins, and other packages by name; anything else is denied, and a relative or
     * absolute specifier leaving the package is denied before the file system is asked.
     */
    private int resolveFor(LuaStack stack, Realm realm) {
        String directory = stack.checkString(1, "resolve");
        String id = stack.checkString(2, "resolve");
        String packagePath = stack.type(3) == LuaType.STRING ? stack.toText(3) : null;
        boolean provided = stack.toBoolean(4);
        boolean pathSpecifier = id.equals(".") || id.equals("..") || id.startsWith("./") || id.startsWith("../")
                || id.startsWith("/");
        if (realm != null && realm.root() != null && pathSpecifier) {
            Path target = Path.of(directory).resolve(id).normalize();
            if (!target.startsWith(realm.root())) {
                throw realm.access().denied(Kind.LOAD, "require", target.toString());
            }
        }
        try {
            Resolution resolution = resolver.resolve(id, Path.of(directory), packagePath, provided);
            boolean isFile = resolution.kind() == Resolution.Kind.FILE || resolution.kind() == Resolution.Kind.LUA_PATH
                    || resolution.kind() == Resolution.Kind.ROCK;
            if (realm != null && isFile) {
                Realm owner = options.realms().realmOf(resolution.file());
                if (owner != realm && !loadsPackageByName(resolution, owner)) {
                    throw realm.access().denied(Kind.LOAD, "require", resolution.file().toString());
                }
            }
            stack.pushString(resolution.kind().name().toLowerCase(java.util.Locale.ROOT));
            stack.pushString(resolution.key());
            if (isFile) {
                loaded.add(resolution.file());
                stack.pushString(display(resolution.file()));
            } else {
                stack.pushNil();
            }
            return 3;
        } catch (ModuleNotFoundException e) {
            stack.pushNil();
            stack.pushString(e.code());
            stack.pushString(e.reason());
            stack.newTable(e.tried().size(), 0);
            for (int i = 0; i < e.tried().size(); i++) {
                stack.pushString(e.tried().get(i));
                stack.rawSetIndex(-2, i + 1);
            }
            return 4;
        } catch (HypeException e) {
            stack.pushNil();
            stack.pushString(e.code());
            stack.pushString(e.getMessage());
            return 3;
        }
    }

    /** {@code canonical(file)} → the file's canonical path (the cache key) and its display; records it as loaded. */
    private int canonical(LuaStack stack) {
        Path file = options.workingDirectory().resolve(stack.checkString(1, "canonical"));
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        loaded.add(real);
        stack.pushString(real.toString());
        stack.pushString(display(real));
        return 2;
    }

    /**
     * Return whether {@code resolution} found a file of another package by that package's name (a bare
     * id, or an {@code imports} entry mapping to one), in the realm of that very package: then it runs
     * as that package, with its approval, as {@code require("name")} should.
     */
    private static boolean loadsPackageByName(Resolution resolution, Realm owner) {
        return (resolution.kind() == Resolution.Kind.FILE || resolution.kind() == Resolution.Kind.ROCK)
                && resolution.packageName() != null
                && resolution.packageName().equals(owner.packageName());
    }

    private int paths(LuaStack stack) {
        String directory = stack.checkString(1, "paths");
        String id = stack.checkString(2, "paths");
        List<Path> paths;
        try {
            paths = resolver.lookupPaths(id, Path.of(directory));
        } catch (HypeException e) {
            throw new LuaError(e.getMessage());
        }
        if (paths == null) {
            stack.pushNil();
            return 1;
        }
        stack.newTable(paths.size(), 0);
        for (int i = 0; i < paths.size(); i++) {
            stack.pushString(paths.get(i).toString());
            stack.rawSetIndex(-2, i + 1);
        }
        return 1;
    }

    private int readJson(LuaStack stack) {
        Path file = Path.of(stack.checkString(1, "read_json"));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LuaError("cannot read " + display(file) + ": " + e.getMessage());
        }
        JsonTables.push(stack, bytes, display(file));
        return 1;
    }

    private int builtin(LuaStack stack) {
        String name = stack.checkString(1, "builtin");
        BuiltinModule module = options.builtins().find(name)
                .orElseThrow(() -> new LuaError("no built-in module named '" + name + "'"));
        return pushBuiltin(stack, module);
    }

    /** Push a built-in's chunk and its natives table, as {@code load_builtin} runs them. */
    static int pushBuiltin(LuaStack stack, BuiltinModule module) {
        stack.load(module.source());
        Map<String, JavaFunction> natives = module.natives();
        stack.newTable(0, natives.size());
        natives.forEach((key, function) -> {
            stack.pushFunction(key, function);
            stack.setField(-2, key);
        });
        return 2;
    }

    /** {@code realm(file)} → id, package name or nil, restricted; registers the realm for {@code realm_api}. */
    private int realm(LuaStack stack) {
        Realm realm = options.realms().realmOf(Path.of(stack.checkString(1, "realm")));
        realms.putIfAbsent(realm.id(), realm);
        stack.pushString(realm.id());
        if (realm.packageName() == null) {
            stack.pushNil();
        } else {
            stack.pushString(realm.packageName());
        }
        stack.pushBoolean(realm.restricted());
        if (realm.root() == null) {
            stack.pushNil();
        } else {
            stack.pushString(realm.root().toString());
        }
        return 4;
    }

    /** {@code realm_api(id)} → the functions a restricted realm's globals and require call, bound to its access. */
    private int realmApi(LuaStack stack) {
        String id = stack.checkString(1, "realm_api");
        Realm realm = realms.get(id);
        if (realm == null) {
            throw new LuaError("no realm " + id);
        }
        RealmNatives natives = new RealmNatives(realm, options.builtins());
        Map<String, JavaFunction> functions = new LinkedHashMap<>(natives.functions());
        functions.put("resolve", s -> resolveFor(s, realm));
        functions.put("source", s -> {
            s.pushBytes(readOwn(s.checkString(1, "source"), realm));
            return 1;
        });
        functions.put("read_json", s -> {
            String file = s.checkString(1, "read_json");
            JsonTables.push(s, readOwn(file, realm), display(Path.of(file)));
            return 1;
        });
        stack.newTable(0, functions.size());
        functions.forEach((key, function) -> {
            stack.pushFunction(key, function);
            stack.setField(-2, key);
        });
        return 1;
    }

    /**
     * Read a module file of {@code realm}, checking as it reads (with no Lua code in between) that
     * the file, its links resolved now, still belongs to the realm that runs it.
     */
    private byte[] readOwn(String name, Realm realm) {
        Path file = Path.of(name);
        try {
            Path real = file.toRealPath();
            if (!options.realms().realmOf(real).id().equals(realm.id())) {
                throw realm.access().denied(Kind.LOAD, "require", real.toString());
            }
            return Files.readAllBytes(real);
        } catch (NoSuchFileException e) {
            throw new LuaError(name + ": No such file or directory");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new LuaError(name + ": Permission denied");
        } catch (IOException e) {
            throw new LuaError(name + ": " + e.getMessage());
        }
    }

    /** {@code features(file)} → a table with {@code [name] = true} for each feature enabled for the file's code. */
    private int features(LuaStack stack) {
        List<String> names = features.of(Path.of(stack.checkString(1, "features")));
        stack.newTable(0, names.size());
        for (String name : names) {
            stack.pushBoolean(true);
            stack.setField(-2, name);
        }
        return 1;
    }

    /** Return how messages show {@code file}: relative to the working directory when inside it, else absolute. */
    String display(Path file) {
        Path cwd = canonicalCwd;
        return file.startsWith(cwd) && !file.equals(cwd) ? cwd.relativize(file).toString() : file.toString();
    }
}
