package dev.hype.cli;

import dev.hype.runtime.engine.LuaRuntime;
import dev.hype.runtime.engine.RuntimeOptions;
import dev.hype.registry.server.RegistryConfig;
import dev.hype.registry.server.RegistryServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise the start-up paths once so the launcher can record an AOT cache of them (JEP 483/514).
 *
 * <p>{@code hype --aot-training=script} runs scripts exactly as {@code hype FILE.lua} does;
 * {@code --aot-training=commands} also builds the whole picocli command tree and runs the commands
 * whose start-up counts most ({@code --version}, {@code --help}, {@code pkg init}, {@code install},
 * {@code list}, {@code check}, {@code tree}) in a temporary project, with a store there too, then
 * the commands that talk to a registry ({@code publish}, {@code install}, {@code info}) against one
 * served in-process. {@code --aot-training=project} runs only {@code pkg list}, {@code check},
 * {@code tree}, {@code info} (its packument fresh in the cache) and a no-op {@code pkg install} on
 * projects a child JVM laid out: the launcher runs those commands, and an install whose tree has its
 * marker, with that smaller cache. {@code --aot-training=install} runs a warm, a no-op and a frozen
 * ({@code pkg ci}) install of two packages from the store and lockfile a child JVM's cold install left:
 * the launcher starts installs in a project with a lockfile with that cache, which holds the installer
 * but not the registry's client or server, the Lua runtime or the other commands (a smaller cache maps
 * and loads fewer classes at start).
 *
 * <p>A failure here must not pass unnoticed: the launcher checks the exit status, and a training
 * run that cannot do its work exits non-zero with the reason on standard error.
 */
final class AotTraining {
    static final String OPTION = "--aot-training=";

    /** The system property that stands in for {@code HYPE_HOME} in-process (dev.hype.cli.commands.HypeHome). */
    private static final String HYPE_HOME_OVERRIDE = "hype.test.home";
    /** The mode of the child run that lays out the project cache's projects ({@link #trainProject}). */
    private static final String PROJECT_SETUP = "project-setup";
    /** The mode of the child run that makes the store and lockfile {@link #trainInstalls} installs from. */
    private static final String INSTALL_SETUP = "install-setup";
    /** The system property that gives those child runs their directory. */
    private static final String SETUP_DIRECTORY = "hype.aot.setup";
    /** The file in which the child run leaves the URL of the registry whose packument it cached. */
    private static final String REGISTRY_URL_FILE = "registry-url";

    private AotTraining() {
    }

    static int run(String mode) {
        switch (mode) {
            case "script" -> {
                trainScripts();
                return 0;
            }
            case "project" -> {
                ClassWarmUp.startFor(new String[] {"pkg", "install"}); // main() starts it for installs
                return trainProject();
            }
            case PROJECT_SETUP -> {
                return setUpProjects(Path.of(System.getProperty(SETUP_DIRECTORY)));
            }
            case "install" -> {
                ClassWarmUp.startFor(new String[] {"pkg", "install"}); // main() starts it for installs
                return trainInstalls();
            }
            case INSTALL_SETUP -> {
                return setUpInstall(Path.of(System.getProperty(SETUP_DIRECTORY)));
            }
            case "commands" -> {
                trainScripts();
                try (LuaRuntime runtime = LuaRuntime.create(RuntimeOptions.defaults())) {
                    runtime.evaluate("1 + 1");  // the REPL
                }
                Terminal terminal = Terminal.system();
                terminal.interactive();
                CommandLineRunner.create(CommandTree.whole(new HypeCommand(terminal))).getCommandSpec();
                ClassWarmUp.startFor(new String[] {"pkg", "install"}); // main() starts it for installs
                return trainCommands();
            }
            default -> {
                System.err.println("hype: unknown AOT training mode '" + mode + "' (script, project, install or commands)");
                return 2;
            }
        }
    }

    /** Run the package commands in a new project; return 0, or 1 after saying which one failed. */
    private static int trainCommands() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hype-aot-commands-" + System.nanoTime());
        // HYPE_HOME (the packument cache, the tokens) is a directory under dir, through HypeHome's in-process override.
        String previousHome = System.setProperty(HYPE_HOME_OVERRIDE, dir.resolve("home").toString());
        try {
            Path project = Files.createDirectories(dir.resolve("app"));
            String store = "--store-dir=" + dir.resolve("store");
            String at = "-C=" + project;
            List<String[]> commands = new ArrayList<>();
            commands.add(new String[] {"--version"});
            commands.add(new String[] {"--help"});
            commands.add(new String[] {"pkg", "--help"});
            commands.add(new String[] {"pkg", "init", "--path=" + project, "app"});
            commands.add(new String[] {"pkg", "install", at, store, "--offline"});
            commands.add(new String[] {"pkg", "list", at});
            commands.add(new String[] {"pkg", "check", at, store});
            commands.add(new String[] {"pkg", "tree", at});
            if (runAll(commands) != 0) {
                return 1;
            }
            return trainRegistryCommands(dir, store);
        } catch (IOException e) {
            System.err.println("hype: AOT training: cannot create " + dir + ": " + e.getMessage());
            return 1;
        } finally {
            restoreHome(previousHome);
            delete(dir.toFile());
        }
    }

    /**
     * Train the project cache: {@code pkg list}, {@code check}, {@code tree} and {@code info} (its packument fresh in
     * the cache), and nothing else. The projects they read (one empty, one with a package installed from a registry)
     * and the packument cache are laid out by a child JVM ({@link #setUpProjects}), so that the installer, the packer,
     * the registry's server and the HTTP client those need stay out of this JVM, and so out of the cache: every
     * class in it is mapped and loaded at each start of these commands.
     */
    private static int trainProject() {
        return trainAfterChild("project", PROJECT_SETUP, dir -> {
            String store = "--store-dir=" + dir.resolve("store");
            String registry = "--registry=" + Files.readString(dir.resolve(REGISTRY_URL_FILE)).strip();
            List<String[]> commands = new ArrayList<>();
            for (String app : List.of("app", "file-app")) {
                String at = "-C=" + dir.resolve(app);
                commands.add(new String[] {"pkg", "list", at});
                commands.add(new String[] {"pkg", "check", at, store});
                commands.add(new String[] {"pkg", "tree", at});
            }
            // The registry is gone: the packument the child cached is fresh, so no request is made.
            commands.add(new String[] {"pkg", "info", "trainer-dep", registry});
            // A no-op install, decided from the tree's marker the child's install left.
            commands.add(new String[] {"pkg", "install", "-C=" + dir.resolve("file-app"), store,
                "--registry=" + dir.resolve("file-registry").toUri()});
            return runAll(commands);
        });
    }

    /**
     * Return a child JVM's command that runs {@code mode} with {@code dir} as its directory and {@code dir/home} as
     * its {@code HYPE_HOME}; its errors go to this run's.
     */
    private static ProcessBuilder child(Path dir, String mode) {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-D" + HYPE_HOME_OVERRIDE + "=" + dir.resolve("home"),
                "-D" + SETUP_DIRECTORY + "=" + dir, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), OPTION + mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
    }

    /**
     * Install, from the store and lockfile a child JVM's cold install left ({@link #setUpInstall}): warm (no tree),
     * no-op and frozen ({@code pkg ci}). The launcher uses this cache for installs in a project with a lockfile,
     * which need no registry: it holds neither the registry's client nor its server.
     */
    private static int trainInstalls() {
        return trainAfterChild("install", INSTALL_SETUP, dir -> {
            Path app = dir.resolve("app");
            // The registry is gone: none of these installs asks it anything.
            String[] install = {"pkg", "install", "-C=" + app, "--store-dir=" + dir.resolve("store"),
                "--registry=" + Files.readString(dir.resolve(REGISTRY_URL_FILE)).strip()};
            String[] ci = install.clone();
            ci[1] = "ci";
            delete(app.resolve("hype_modules").toFile());
            return runAll(List.of(install, install, ci));
        });
    }

    /** The training a parent run does once its child laid out what it needs in {@code dir}. */
    private interface Training {
        int run(Path dir) throws IOException;
    }

    /**
     * In a new temporary directory that is also {@code HYPE_HOME}, run a child JVM in {@code setupMode}, then
     * {@code training}; return 0, or 1 after saying what failed. The directory is deleted afterwards.
     */
    private static int trainAfterChild(String name, String setupMode, Training training) {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hype-aot-" + name + "-" + System.nanoTime());
        String previousHome = System.setProperty(HYPE_HOME_OVERRIDE, dir.resolve("home").toString());
        try {
            Files.createDirectories(dir);
            int status = child(dir, setupMode).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            if (status != 0) {
                System.err.println("hype: AOT training: the " + setupMode + " run in " + dir + " exited with "
                        + status);
                return 1;
            }
            return training.run(dir);
        } catch (IOException e) {
            System.err.println("hype: AOT training: cannot create " + dir + " or train in it: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("hype: AOT training: interrupted");
            return 1;
        } finally {
            restoreHome(previousHome);
            delete(dir.toFile());
        }
    }

    /**
     * In the child run of {@link #trainInstalls}: publish {@code trainer-dep} and {@code trainer-dep-2} to a
     * registry served in-process on a free port, install both into {@code dir/app} (store in {@code dir/store}),
     * and leave the registry's URL in {@code dir/registry-url}.
     */
    private static int setUpInstall(Path dir) {
        Path storage = dir.resolve("registry");
        Terminal quiet = Terminal.of(InputStream.nullInputStream(), OutputStream.nullOutputStream(), System.err);
        try (RegistryServer server = RegistryServer.start(RegistryConfig.defaults(storage).withPort(0))) {
            String url = server.baseUri().toString();
            String token = createToken(storage);
            if (token == null) {
                return 1;
            }
            for (Path dep : List.of(writePackage(dir), writePackage(dir.resolve("second"), "trainer-dep-2"))) {
                if (run(new String[] {"pkg", "publish", "-C=" + dep, "--registry=" + url,
                    "--token=" + token, "--force"}, quiet) != 0) {
                    return 1;
                }
            }
            Path app = Files.createDirectories(dir.resolve("app"));
            Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": "
                    + "{\"trainer-dep\": \"^1.0.0\", \"trainer-dep-2\": \"~1.0.0\"}}");
            if (run(new String[] {"pkg", "install", "-C=" + app, "--store-dir=" + dir.resolve("store"),
                "--registry=" + url}, quiet) != 0) {
                return 1;
            }
            Files.writeString(dir.resolve(REGISTRY_URL_FILE), url);
            return 0;
        } catch (IOException e) {
            System.err.println("hype: AOT training: cannot install from a training registry in " + dir + ": "
                    + e.getMessage());
            return 1;
        }
    }

    /**
     * In the child run of {@link #trainProject}: lay out an empty project ({@code dir/app}), a project with
     * {@code trainer-dep} installed from a {@code file:} registry ({@code dir/file-app}, store in {@code dir/store}),
     * and the packument of {@code trainer-dep} cached from a registry served in-process, whose URL goes into
     * {@code dir/registry-url}. {@code HYPE_HOME} is the one the parent gave (the packument cache is in it).
     */
    private static int setUpProjects(Path dir) {
        try {
            String store = "--store-dir=" + dir.resolve("store");
            Path app = Files.createDirectories(dir.resolve("app"));
            Path dep = writePackage(dir);
            String fileRegistry = "--registry=" + dir.resolve("file-registry").toUri();
            Path fileApp = writeApp(dir.resolve("file-app"));
            List<String[]> commands = List.of(
                    new String[] {"pkg", "init", "--path=" + app, "app"},
                    new String[] {"pkg", "install", "-C=" + app, store, "--offline"},
                    new String[] {"pkg", "publish", "-C=" + dep, fileRegistry},
                    new String[] {"pkg", "install", "-C=" + fileApp, store, fileRegistry});
            if (runAll(commands) != 0) {
                return 1;
            }
            Path storage = dir.resolve("registry");
            try (RegistryServer server = RegistryServer.start(RegistryConfig.defaults(storage).withPort(0))) {
                String url = server.baseUri().toString();
                String token = createToken(storage);
                if (token == null
                        || run(new String[] {"pkg", "publish", "-C=" + dep, "--registry=" + url,
                            "--token=" + token, "--force"}, Terminal.system()) != 0
                        || run(new String[] {"pkg", "info", "trainer-dep", "--registry=" + url}, Terminal.system()) != 0) {
                    return 1;
                }
                Files.writeString(dir.resolve(REGISTRY_URL_FILE), url);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("hype: AOT training: cannot lay out the projects in " + dir + ": " + e.getMessage());
            return 1;
        }
    }

    private static void restoreHome(String previousHome) {
        if (previousHome == null) {
            System.clearProperty(HYPE_HOME_OVERRIDE);
        } else {
            System.setProperty(HYPE_HOME_OVERRIDE, previousHome);
        }
    }

    /**
     * Run the commands that talk to a registry against one served in-process on a free port: publish
     * two packages, install them, install them again without the tree (a warm install), list and check
     * the project, and {@code pkg info} one twice (fetched, then revalidated from the packument cache). Their HTTP client and server classes are then in the
     * cache instead of loaded from the JDK's modules on each start.
     */
    private static int trainRegistryCommands(Path dir, String store) throws IOException {
        Path storage = dir.resolve("registry");
        try (RegistryServer server = RegistryServer.start(RegistryConfig.defaults(storage).withPort(0))) {
            String url = server.baseUri().toString();
            String token = createToken(storage);
            if (token == null) {
                return 1;
            }
            Path dep = writePackage(dir);
            Path second = writePackage(dir.resolve("second"), "trainer-dep-2");
            Path app = Files.createDirectories(dir.resolve("registry-app"));
            Files.writeString(app.resolve("hype.json"), "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": "
                    + "{\"trainer-dep\": \"^1.0.0\", \"trainer-dep-2\": \"~1.0.0\"}}");
            String at = "-C=" + app;
            String publishTo = "--registry=" + url;
            String publishWith = "--token=" + token;
            List<String[]> cold = List.of(
                    new String[] {"pkg", "publish", "-C=" + dep, publishTo, publishWith, "--force"},
                    new String[] {"pkg", "publish", "-C=" + second, publishTo, publishWith, "--force"},
                    new String[] {"pkg", "install", at, store, "--registry=" + url});
            // Then a warm install (lockfile and store, no tree): the lockfile's path, the gate and the linking of
            // more than one package, with their lambdas and the threads that link in parallel.
            List<String[]> warm = List.of(
                    new String[] {"pkg", "install", at, store, "--registry=" + url},
                    new String[] {"pkg", "list", at},
                    new String[] {"pkg", "check", at, store},
                    new String[] {"pkg", "info", "trainer-dep", "--registry=" + url},
                    new String[] {"pkg", "info", "trainer-dep", "--registry=" + url});
            if (runAll(cold) != 0) {
                return 1;
            }
            delete(app.resolve("hype_modules").toFile());
            return runAll(warm);
        }
    }

    /** Run each command in turn; return 0, or 1 after saying which one failed. */
    private static int runAll(List<String[]> commands) {
        for (String[] command : commands) {
            if (run(command, Terminal.system()) != 0) {
                return 1;
            }
        }
        return 0;
    }

    /** Create a publishing token for the registry in {@code storage}; return it, or null after saying why not. */
    private static String createToken(Path storage) {
        ByteArrayOutputStream token = new ByteArrayOutputStream();
        return run(new String[] {"registry", "token", "create", "trainer", "--storage", storage.toString()},
                Terminal.of(InputStream.nullInputStream(), token, System.err)) == 0 ? token.toString().strip() : null;
    }

    /** Write the package {@code trainer-dep} to publish, in {@code dir/dep}; return its directory. */
    private static Path writePackage(Path dir) throws IOException {
        return writePackage(dir, "trainer-dep");
    }

    /** Write the package {@code name} to publish, in {@code dir/dep}; return its directory. */
    private static Path writePackage(Path dir, String name) throws IOException {
        Path dep = Files.createDirectories(dir.resolve("dep"));
        Files.writeString(dep.resolve("hype.json"),
                "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", \"license\": \"MIT\", \"main\": \"index.lua\"}");
        Files.writeString(dep.resolve("index.lua"), "return {}\n");
        return dep;
    }

    /** Write a project depending on {@code trainer-dep} in {@code app}; return it. */
    private static Path writeApp(Path app) throws IOException {
        Files.createDirectories(app);
        Files.writeString(app.resolve("hype.json"),
                "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"trainer-dep\": \"^1.0.0\"}}");
        return app;
    }

    /** Run one command; return its status, after saying which command failed if it did. */
    private static int run(String[] command, Terminal terminal) {
        int status = Main.run(command, terminal);
        if (status != 0) {
            System.err.println("hype: AOT training: 'hype " + String.join(" ", command) + "' exited with " + status);
        }
        return status;
    }

    private static void delete(java.io.File file) {
        java.io.File[] children = file.listFiles();
        if (children != null) {
            for (java.io.File child : children) {
                delete(child);
            }
        }
        file.delete();
    }

    /**
     * Run a small program the way {@code hype FILE.lua} runs it: relative modules, a package with
     * exports, JSON, a missing module, output, and an uncaught error.
     *
     * <p>The cache holds every class this run loads, so the harness itself keeps to plain file
     * calls: {@code Files.createTempDirectory} (SecureRandom, security providers) and
     * {@code Files.walk} would add classes that every script start then loads for nothing.
     */
    private static void trainScripts() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hype-aot-training-" + System.nanoTime());
        List<Path> created = new ArrayList<>();
        try {
            Path pkg = dir.resolve("hype_modules/pkg");
            for (Path d : List.of(dir, dir.resolve("hype_modules"), pkg, pkg.resolve("lib"))) {
                created.add(Files.createDirectory(d));
            }
            write(created, dir.resolve("main.lua"), "local a = require('./a') local p = require('pkg') "
                    + "local d = require('./d.json') local ok = pcall(require, './missing') "
                    + "local t = {} for i = 1, 100 do t[i] = tostring(i) end "
                    + "print(('%s %d'):format(table.concat(t, ','):sub(1, 3), #arg)) return a, p, d, ok");
            write(created, dir.resolve("a.lua"), "exports.x = 1");
            write(created, dir.resolve("d.json"), "{\"k\": [1, 2.5, \"s\", true, null]}");
            write(created, dir.resolve("fail.lua"), "error('training')");
            write(created, pkg.resolve("hype.json"),
                    "{\"name\": \"pkg\", \"exports\": {\".\": {\"hype\": \"./lib/index.lua\"}, \"./*\": \"./lib/*.lua\"}}");
            write(created, pkg.resolve("lib/index.lua"), "return require('pkg/other')");
            write(created, pkg.resolve("lib/other.lua"), "return {}");
            Main.run(new String[] {dir.resolve("main.lua").toString(), "x"}, Terminal.system());
            Main.run(new String[] {dir.resolve("fail.lua").toString()}, Terminal.system());
            Main.run(new String[] {"--version"}, Terminal.system());  // the launcher runs it with this cache
        } catch (IOException e) {
            // training is best effort
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                created.get(i).toFile().delete();
            }
        }
    }

    private static void write(List<Path> created, Path file, String text) throws IOException {
        created.add(Files.write(file, text.getBytes(StandardCharsets.UTF_8)));
    }
}
