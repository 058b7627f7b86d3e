package dev.hype.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.permissions.PermissionSpec;
import dev.hype.runtime.permissions.ProjectRoot;
import dev.hype.runtime.permissions.Realms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The {@code --sandbox} and {@code --allow-*} flags: restrict the project's own code to the
 * {@code permissions} of its {@code hype.json}, plus what the flags add, as Deno's flags do.
 */
final class SandboxOptions {
    @Option(names = "--sandbox", order = 10,
            description = "Restrict the project's own code to the permissions in its hype.json too "
                    + "(packages are always restricted to their approved permissions).")
    boolean sandbox;

    @Option(names = "--allow-read", paramLabel = "PATH", arity = "0..1", fallbackValue = "", split = ",", order = 11,
            description = "With --sandbox: also allow reading PATH (a glob; comma-separated; none = every file).")
    List<String> read;

    @Option(names = "--allow-write", paramLabel = "PATH", arity = "0..1", fallbackValue = "", split = ",", order = 12,
            description = "With --sandbox: also allow writing PATH (a glob; comma-separated; none = every file).")
    List<String> write;

    @Option(names = "--allow-net", paramLabel = "HOST", arity = "0..1", fallbackValue = "", split = ",", order = 13,
            description = "With --sandbox: also allow connecting to HOST or HOST:PORT (*.suffix allowed; none = any).")
    List<String> net;

    @Option(names = "--allow-env", paramLabel = "NAME", arity = "0..1", fallbackValue = "", split = ",", order = 14,
            description = "With --sandbox: also allow reading the variable NAME (PREFIX* allowed; none = all).")
    List<String> env;

    @Option(names = "--allow-run", order = 15, description = "With --sandbox: also allow running programs.")
    boolean run;

    /** Return whether any flag was given. */
    boolean any() {
        return sandbox || read != null || write != null || net != null || env != null || run;
    }

    /**
     * Return the realms for running {@code script}: packages restricted, and with {@code --sandbox}
     * the project too, to the permissions of the project root's {@code hype.json} plus the flags. The
     * project root is the nearest {@code hype.json} above the script, outside {@code hype_modules/}
     * ({@link ProjectRoot}).
     */
    Realms realms(Path script, Path hypeHome) {
        Path root = ProjectRoot.ofScript(script);
        if (!sandbox) {
            if (any()) {
                throw new UsageException("--allow-read, --allow-write, --allow-net, --allow-env and --allow-run "
                        + "only apply with --sandbox (the project's own code is unrestricted without it)");
            }
            return Realms.packages(root, hypeHome);
        }
        Path manifest = root.resolve("hype.json");
        PermissionSpec spec = Files.isRegularFile(manifest) ? declared(manifest) : PermissionSpec.NONE;
        return Realms.sandboxed(spec.plus(flags()), root, hypeHome);
    }

    private static PermissionSpec declared(Path manifest) {
        JsonNode root;
        try {
            root = JsonTreeReader.read(Files.readAllBytes(manifest));
        } catch (IOException e) {
            throw new HypeException("E_MANIFEST", "cannot read " + manifest + ": " + e.getMessage());
        }
        try {
            return root == null ? PermissionSpec.NONE : PermissionSpec.fromJson(root.get("permissions"));
        } catch (IllegalArgumentException e) {
            throw new HypeException("E_MANIFEST", manifest + ": " + e.getMessage(),
                    List.of("see docs/permissions.md for the fields of 'permissions'"));
        }
    }

    /** Return what the flags add; paths are absolute, taken from the working directory. */
    private PermissionSpec flags() {
        Path cwd = Path.of(System.getProperty("user.dir"));
        UnaryOperator<String> absolute = value -> value.startsWith("$") || value.startsWith("/") ? value
                : cwd.resolve(value).normalize().toString();
        return new PermissionSpec(values(read, "/", absolute), values(write, "/", absolute),
                values(net, "*:*", UnaryOperator.identity()), List.of(), values(env, "*", UnaryOperator.identity()),
                run, List.of(), false);
    }

    /** Return a flag's values: each through {@code given}, an empty one (the flag without a value) as {@code all}. */
    private static List<String> values(List<String> values, String all, UnaryOperator<String> given) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                out.add(value.isEmpty() ? all : given.apply(value));
            }
        }
        return out;
    }
}
