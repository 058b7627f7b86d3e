package dev.hype.runtime.permissions;

import dev.hype.runtime.builtins.BuiltinModules;
import dev.hype.runtime.builtins.WorkingDirectory;
import dev.hype.runtime.engine.Chunk;
import dev.hype.runtime.engine.EvalResult;
import dev.hype.runtime.engine.JavaFunction;
import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.runtime.modules.ModuleOptions;
import dev.hype.runtime.modules.ModuleSystem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Lay out the temporary world an {@link EscapeAttack} runs in, run it, and report what happened.
 *
 * <pre>
 * root/
 *   hype_modules/above/       a package above the project root, approved everything by root/hype-lock.json
 *   project/                  $CWD: the trusted app, its secrets, hype-lock.json
 *     app.lua                 (escape/fixture/app.lua)
 *     secret.txt config.lua   secrets of the project
 *     shared/ok.txt           evil may read shared/ (baseline grant)
 *     hype_modules/evil/      the attack as init.lua, try.lua, data/, links to the project's secrets,
 *                             and compiled.lua, a binary chunk as a package could ship one
 *     hype_modules/good/      a package with broader grants and an internal file
 *     hype_modules/plain/     packages whose "main" leaves their directory (plain-abs too)
 *   tmp/                      $TMP
 *     evil-data/              evil may write here (baseline grant), with links leading out, and
 *       race/cur/B, race/stash/B  its own file, and a link to the project's secret beside it
 *   home/.ssh/id_rsa          $HOME
 *   outside/secret.txt        a directory no grant names
 * </pre>
 *
 * <p>Tokens the fixture files and attacks use: {@code {root}}, {@code {project}}, {@code {secret}}, {@code {config}},
 * {@code {shared}}, {@code {evil}}, {@code {good}}, {@code {tmp}}, {@code {data}}, {@code {outside}},
 * {@code {outside_secret}}, {@code {home}}, {@code {javatmp}} (the JVM's temporary directory, which
 * {@code io.tmpfile} uses), {@code {jvmcwd}} (the process's directory, where {@code io.open} resolves
 * relative paths), and the secrets' values in capitals.
 */
final class EscapeProject {
    static final String PROJECT_SECRET = "project-secret-4a7f";
    static final String OUTSIDE_SECRET = "outside-secret-9c2e";
    static final String HOME_SECRET = "home-secret-51b0";
    static final String ENV_SECRET = "env-secret-e3d1";
    static final String CONFIG_SECRET = "config-secret-77aa";
    static final String GOOD_SECRET = "good-secret-0b3c";
    static final String CALLBACK_SECRET = "callback-secret-d00d";

    /** Every value the attacks must not obtain. */
    static final List<String> SECRETS = List.of(PROJECT_SECRET, OUTSIDE_SECRET, HOME_SECRET, ENV_SECRET, CONFIG_SECRET,
            GOOD_SECRET, CALLBACK_SECRET);

    /** What {@code good} is approved: the project's secret, the secret variable, running programs. */
    static final String GOOD_GRANT = """
            {"filesystem": {"read": ["$CWD/secret.txt"]}, "env": ["HYPE_CORPUS_SECRET"], "process": true}""";

    final Path root;
    final Path project;
    final Path evil;
    final Path good;
    final Path tmp;
    final Path data;
    final Path home;
    final Path outside;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<Path, String> secretFiles = new LinkedHashMap<>();

    private EscapeProject(Path root) {
        this.root = root;
        this.project = root.resolve("project");
        this.evil = project.resolve("hype_modules/evil");
        this.good = project.resolve("hype_modules/good");
        this.tmp = root.resolve("tmp");
        this.data = tmp.resolve("evil-data");
        this.home = root.resolve("home");
        this.outside = root.resolve("outside");
        tokens.put("root", root.toString());
        tokens.put("project", project.toString());
        tokens.put("secret", project.resolve("secret.txt").toString());
        tokens.put("config", project.resolve("config.lua").toString());
        tokens.put("shared", project.resolve("shared").toString());
        tokens.put("evil", evil.toString());
        tokens.put("good", good.toString());
        tokens.put("tmp", tmp.toString());
        tokens.put("data", data.toString());
        tokens.put("outside", outside.toString());
        tokens.put("outside_secret", outside.resolve("secret.txt").toString());
        tokens.put("home", home.toString());
        tokens.put("javatmp", Path.of(System.getProperty("java.io.tmpdir")).toString());
        tokens.put("jvmcwd", Path.of(System.getProperty("user.dir")).toString());
        tokens.put("ENV_SECRET", ENV_SECRET);
        tokens.put("ENV_GRANTED", "granted-env-value");
        tokens.put("CONFIG_SECRET", CONFIG_SECRET);
        tokens.put("GOOD_SECRET", GOOD_SECRET);
        tokens.put("CALLBACK_SECRET", CALLBACK_SECRET);
    }

    /** Lay out the world for {@code attack} under {@code temp}. */
    static EscapeProject create(Path temp, EscapeAttack attack) throws IOException {
        EscapeProject world = new EscapeProject(temp.toRealPath());
        world.layOut(attack);
        return world;
    }

    private void layOut(EscapeAttack attack) throws IOException {
        secret(project.resolve("secret.txt"), PROJECT_SECRET);
        secret(outside.resolve("secret.txt"), OUTSIDE_SECRET);
        secret(home.resolve(".ssh/id_rsa"), HOME_SECRET);
        secret(project.resolve("config.lua"), fill(fixture("config.lua")));
        secret(good.resolve("internal.lua"), fill(fixture("good-internal.lua")));
        write(project.resolve("app.lua"), fill(fixture("app.lua")));
        write(project.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"0.0.0\"}");
        write(project.resolve("shared/ok.txt"), "shared-ok");
        write(project.resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {
                  "evil": {"version": "1.0.0", "permissions": %s},
                  "good": {"version": "1.0.0", "permissions": %s}}}
                """.formatted(attack.grant(), GOOD_GRANT));

        write(evil.resolve("init.lua"), fill(attack.source()));
        write(evil.resolve("try.lua"), fixture("try.lua"));
        write(evil.resolve("hype.json"), """
                {"name": "evil", "version": "1.0.0",
                 "imports": {"#good": "good", "#up": "../../config.lua", "#own": "./data/own.lua"}}""");
        write(evil.resolve("data/own.txt"), "evil-own-data");
        write(evil.resolve("data/own.lua"), "return 'own module'");
        Files.write(evil.resolve("compiled.lua"), bytecode("return 'bytecode ran'"));
        Files.createSymbolicLink(evil.resolve("steal.lua"), project.resolve("config.lua"));
        Files.createSymbolicLink(evil.resolve("secret-link.txt"), project.resolve("secret.txt"));

        write(good.resolve("init.lua"), fill(fixture("good.lua")));

        // Packages whose "main" leaves their directory, to reach good's internal file.
        write(project.resolve("hype_modules/plain/hype.json"), """
                {"name": "plain", "version": "1.0.0", "main": "../good/internal.lua"}""");
        write(project.resolve("hype_modules/plain/own.lua"), "return 'plain package'");
        write(project.resolve("hype_modules/plain-abs/hype.json"), fill("""
                {"name": "plain-abs", "version": "1.0.0", "main": "{good}/internal.lua"}"""));

        // A package above the project root, with a lockfile there approving it everything.
        write(root.resolve("hype_modules/above/init.lua"), fixture("above.lua"));
        write(root.resolve("hype-lock.json"), """
                {"lockfileVersion": 1, "packages": {"above": {"version": "1.0.0", "permissions":
                  {"filesystem": {"read": ["/"], "write": ["/"]}, "env": ["*"], "process": true, "native": true}}}}
                """);
        write(good.resolve("hype.json"), """
                {"name": "good", "version": "1.0.0", "exports": {".": "./init.lua"}}""");

        write(data.resolve("existing.txt"), "evil-data-file");
        Files.createSymbolicLink(data.resolve("link-to-secret"), project.resolve("secret.txt"));
        Files.createSymbolicLink(data.resolve("dangling"), outside.resolve("created-through-link.txt"));
        Files.createSymbolicLink(data.resolve("linked-dir"), outside);
        // For the check-then-open races: race/cur/B is evil's own file; race/stash/B a link to the
        // project's secret, which renaming race/stash to race/cur puts where race/cur/B was.
        write(data.resolve("race/cur/B"), "evil-race-file");
        Files.createDirectories(data.resolve("race/stash"));
        Files.createSymbolicLink(data.resolve("race/stash/B"), project.resolve("secret.txt"));
        Files.createDirectories(root.resolve("hype-home"));
    }

    /** Replace the {@code {name}} tokens in {@code text}. */
    String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            out = out.replace("{" + token.getKey() + "}", token.getValue());
        }
        return out;
    }

    /** Return the files holding secrets, with the content each must still have. */
    Map<Path, String> secretFiles() {
        return Map.copyOf(secretFiles);
    }

    /** Run the app with evil restricted as approved; the project and $CWD are the project directory. */
    EscapeReport run() {
        Realms realms = new PackageRealms(Access.UNRESTRICTED, new Anchors(project, project, home, tmp));
        List<String> warnings = new ArrayList<>();
        ModuleOptions options = ModuleOptions.defaults()
                .withWorkingDirectory(project)
                .withHypeHome(root.resolve("hype-home"))
                .withBuiltins(BuiltinModules.standard(new WorkingDirectory(project)))
                .withRealms(realms)
                .withWarnings(warnings::add);
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            ModuleSystem modules = ModuleSystem.install(runtime, options);
            int status = modules.runMain(project.resolve("app.lua"), List.of());
            if (status != 0) {
                throw new AssertionError("app.lua exited with status " + status);
            }
            int count = Integer.parseInt(eval(runtime, "#REPORT.outcomes"));
            List<String> outcomes = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                outcomes.add(eval(runtime, "REPORT.outcomes[" + i + "]"));
                messages.add(eval(runtime, "REPORT.messages[" + i + "]"));
            }
            return new EscapeReport(outcomes, messages, eval(runtime, "REPORT.changed"), eval(runtime, "REPORT.got"));
        }
    }

    private static String eval(LuaRuntime runtime, String expression) {
        EvalResult result = runtime.evaluate("return " + expression);
        if (result instanceof EvalResult.Values values) {
            return values.display();
        }
        throw new AssertionError("cannot read " + expression + ": " + result);
    }

    /** Compile {@code source} to a Lua 5.4 binary chunk with {@code string.dump}, in a runtime of its own. */
    private static byte[] bytecode(String source) {
        AtomicReference<byte[]> out = new AtomicReference<>();
        JavaFunction emit = s -> {
            out.set(s.toBytes(1));
            return 0;
        };
        try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
            runtime.install(null, Chunk.ofText("local n = ... n.emit(string.dump(assert(load([==[" + source + "]==]))))",
                    "dump"), Map.of("emit", emit));
        }
        return out.get();
    }

    private void secret(Path file, String content) throws IOException {
        write(file, content);
        secretFiles.put(file, content);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    static String fixture(String name) {
        return resource("/escape/fixture/" + name);
    }

    static String resource(String path) {
        try (InputStream in = EscapeProject.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the app saw after the attack.
     *
     * @param outcomes one rendered outcome per try(), or the error the attack raised
     * @param messages the denial message of each outcome, or empty
     * @param changed the shared state the attack changed, one item per line; empty when intact
     * @param got every string the attack handed back, for the leak check
     */
    record EscapeReport(List<String> outcomes, List<String> messages, String changed, String got) {
    }
}
