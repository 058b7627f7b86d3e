package dev.hype.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Run the real {@code ./hype} launcher of this checkout as a child process, the way a user does.
 *
 * <p>Each instance owns a fresh {@code HOME} ({@code ROOT/home}), a fresh {@code HYPE_HOME}
 * ({@code ROOT/hype-home}, or none with {@link #withoutHypeHome()}, so {@code ~/.hype} applies),
 * a {@code TMPDIR} and a working directory ({@code ROOT/project}). The child's environment is this
 * JVM's, minus every {@code HYPE_*} and {@code LUA_*} variable and {@code NO_COLOR}, plus what
 * {@link #env} sets. The checkout is never written to: every path a run can write is under ROOT.
 *
 * <pre>{@code
 * Hype hype = Hype.in(tempDir);
 * hype.write("app.lua", "print(require('./lib').x)");
 * hype.run("app.lua").assertSuccess();
 * }</pre>
 */
public final class Hype {
    /**
     * The longest a single run may take before the test fails instead of hanging (a guard, not a
     * measurement; generous, since tests run concurrently on a machine others may share).
     */
    static final long RUN_LIMIT_SECONDS = 300;

    private final Path root;
    private final Map<String, String> env;
    private Path directory;

    private Hype(Path root) {
        this.root = root;
        this.env = baseEnvironment();
        this.directory = root.resolve("project");
        try {
            Files.createDirectories(directory);
            Files.createDirectories(home());
            Files.createDirectories(hypeHome());
            Files.createDirectories(root.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", home().toString());
        env.put("HYPE_HOME", hypeHome().toString());
        env.put("TMPDIR", root.resolve("tmp").toString());
        coverageAgent().ifPresent(agent -> env.put("HYPE_JAVAAGENT", agent));
        luaCoverage().ifPresent(directory -> env.put("HYPE_LUA_COVERAGE", directory));
    }

    /**
     * Return where the build has the runs write their line counts of Hype's own Lua (system
     * property {@code hype.lua.coverage}, passed on as {@code HYPE_LUA_COVERAGE}), if it does.
     */
    static Optional<String> luaCoverage() {
        String directory = System.getProperty("hype.lua.coverage", "");
        return directory.isBlank() ? Optional.empty() : Optional.of(directory);
    }

    /**
     * Return the coverage agent the build passes (system property {@code hype.e2e.javaagent},
     * {@code JAR=OPTIONS}) if its jar exists, so the launcher's runs count towards coverage.
     */
    static Optional<String> coverageAgent() {
        String agent = System.getProperty("hype.e2e.javaagent", "");
        int eq = agent.indexOf('=');
        String jar = eq < 0 ? agent : agent.substring(0, eq);
        return !jar.isEmpty() && Files.isRegularFile(Path.of(jar)) ? Optional.of(agent) : Optional.empty();
    }

    /** Return a runner whose home, Hype home, temp folder and project live under {@code root}. */
    public static Hype in(Path root) {
        return new Hype(root.toAbsolutePath());
    }

    /** Return the checkout under test (system property {@code hype.checkout}, set by the build). */
    public static Path checkout() {
        String dir = System.getProperty("hype.checkout");
        return (dir != null ? Path.of(dir) : Path.of("..")).toAbsolutePath().normalize();
    }

    /** Return the launcher script, {@code CHECKOUT/hype}. */
    public static Path launcher() {
        return checkout().resolve("hype");
    }

    /** Return the user's home directory for the child ({@code HOME}). */
    public Path home() {
        return root.resolve("home");
    }

    /** Return {@code HYPE_HOME} for the child (created empty; ignored after {@link #withoutHypeHome()}). */
    public Path hypeHome() {
        return root.resolve("hype-home");
    }

    /** Return the directory commands run in (by default {@code ROOT/project}). */
    public Path directory() {
        return directory;
    }

    /** Run later commands in {@code dir} (relative to the current directory), creating it. */
    public Hype cd(String dir) {
        directory = directory.resolve(dir).normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Set an environment variable for later runs ({@code null} removes it). */
    public Hype env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Unset {@code HYPE_HOME}, so the child uses {@code $HOME/.hype} as a user without the variable does. */
    public Hype withoutHypeHome() {
        env.remove("HYPE_HOME");
        return this;
    }

    /** Write {@code text} to {@code path} (relative to the current directory), creating folders; return the file. */
    public Path write(String path, String text) {
        Path file = directory.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Delete {@code path} (relative to the current directory): a file, or a folder with everything in it. */
    public void delete(String path) {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory.resolve(path))) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return the text of {@code path} (relative to the current directory). */
    public String read(String path) {
        try {
            return Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Run {@code ./hype ARGS...} in the current directory with no input, and wait for it. */
    public Result run(String... args) {
        return runWithInput("", args);
    }

    /** Run {@code ./hype ARGS...} with {@code input} on its standard input, and wait for it. */
    public Result runWithInput(String input, String... args) {
        return exec(input.getBytes(StandardCharsets.UTF_8), command(args));
    }

    /** Run any program (for example a bin the launcher installed) with this runner's environment and directory. */
    public Result runProgram(String... command) {
        return exec(new byte[0], List.of(command));
    }

    /**
     * Run {@code script} with {@code bash -c} in the current directory, with this runner's
     * environment and the launcher on {@code PATH} as {@code hype}, as a user who ran
     * {@code ./hype --install-launcher} types commands.
     */
    public Result shell(String script) {
        Path bin = root.resolve("bin");
        try {
            if (!Files.exists(bin.resolve("hype"))) {
                // A script rather than a symbolic link, so the temp folder holds no link out of it.
                Files.createDirectories(bin);
                Files.writeString(bin.resolve("hype"), "#!/bin/sh\nexec '" + launcher() + "' \"$@\"\n");
                Files.setPosixFilePermissions(bin.resolve("hype"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> environment = new HashMap<>(env);
        environment.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        return exec(new byte[0], List.of("bash", "-c", script), environment);
    }

    /**
     * Run {@code ./hype ARGS...} on a pseudo-terminal (util-linux {@code script}, in Debian's
     * essential {@code bsdutils}), as on a user's terminal: the child sees a console, so progress bars
     * and colours appear. Its input is empty; the terminal's output comes back as {@code stdout},
     * with the terminal's CR LF line ends.
     */
    public Result terminal(String... args) {
        StringBuilder line = new StringBuilder("exec ").append(quote(launcher().toString()));
        for (String arg : args) {
            line.append(' ').append(quote(arg));
        }
        return exec(new byte[0], List.of("script", "-qec", line.toString(), "/dev/null"), env);
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** Start {@code ./hype ARGS...} without waiting: for servers and processes a test stops or kills. */
    public RunningHype start(String... args) {
        try {
            return new RunningHype(builder(command(args)).start(), command(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(Arrays.asList(args));
        return command;
    }

    private ProcessBuilder builder(List<String> command) {
        return builder(command, env);
    }

    private ProcessBuilder builder(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    private Result exec(byte[] input, List<String> command) {
        return exec(input, command, env);
    }

    private Result exec(byte[] input, List<String> command, Map<String, String> environment) {
        try {
            Process process = builder(command, environment).start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the child may exit without reading its input
            }
            if (!process.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("still running after " + RUN_LIMIT_SECONDS + " s: " + String.join(" ", command)
                        + "\n--- stdout\n" + text(out.join()) + "--- stderr\n" + text(err.join()));
            }
            return new Result(command, process.exitValue(), text(out.join()), text(err.join()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (stream) {
                stream.transferTo(bytes);
            } catch (IOException e) {
                // the child was killed (a run past the limit): keep what it printed
            }
            return bytes.toByteArray();
        }, Thread::startVirtualThread);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Map<String, String> baseEnvironment() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("HYPE_") && !name.startsWith("LUA_") && !name.equals("NO_COLOR")) {
                env.put(name, value);
            }
        });
        return env;
    }
}
