package dev.hype.cli.commands;

import dev.hype.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Run the hype CLI as a child process, as a user does: its own {@code HYPE_HOME} and {@code HOME} under a temporary
 * folder, a working directory, and environment overrides.
 *
 * @param home the folder holding {@code hype-home/} and {@code user-home/}
 */
record HypeChild(Path home) {
    /**
     * The outcome of one run.
     *
     * @param status the exit status
     * @param out standard output
     * @param err standard error
     */
    record Result(int status, String out, String err) {
        /** Return everything printed, for assertion messages. */
        String all() {
            return "exit " + status + "\n" + out + err;
        }
    }

    /** Run {@code hype ARGS...} in {@code dir}. */
    Result run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), args);
    }

    /** Run {@code hype ARGS...} in {@code dir} with {@code env} added to the environment. */
    Result run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("HYPE_HOME", Files.createDirectories(home.resolve("hype-home")).toString());
            builder.environment().put("HOME", Files.createDirectories(home.resolve("user-home")).toString());
            builder.environment().remove("HYPE_TOKEN");
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(300, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("hype " + List.of(args) + " did not finish within 300 s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
