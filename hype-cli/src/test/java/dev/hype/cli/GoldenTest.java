package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Run every {@code golden/NAME.lua} through the real entry point, {@link Main#main}, in a child
 * JVM, and compare with the files beside it.
 *
 * <p>{@code NAME.expected} is the exact standard output. Optional: {@code NAME.status} the exit
 * status (default 0); {@code NAME.stderr} lines that standard error must contain in order, with
 * the run directory written {@code [DIR]}; {@code NAME.args} options put before the script, one a
 * line; {@code NAME.cmd} the whole argument list instead (one a line); {@code NAME.stdin}
 * standard input. The child runs in the script's directory, so messages name files as given, with
 * {@code HYPE_HOME} pointing at an empty temporary directory.
 */
public class GoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();
    private static final Path HOME = createHome();

    private static Path createHome() {
        try {
            Path home = Files.createTempDirectory("hype-golden-home");
            home.toFile().deleteOnExit();
            return home;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException {
        return Stream.concat(goldenCases(GOLDEN), goldenCases(GOLDEN.resolve("realms")));
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        Path examples = Path.of("../examples").toAbsolutePath().normalize();
        return Stream.of(examples, examples.resolve("package-app"), examples.resolve("permissions-app"))
                .flatMap(dir -> {
                    try {
                        return goldenCases(dir);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
    }

    static Stream<DynamicTest> goldenCases(Path dir) throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(p -> p.toString().endsWith(".lua"))
                    .filter(p -> Files.exists(sibling(p, ".expected")))
                    .sorted().toList();
        }
        assertThat(scripts).as("golden scripts in " + dir).isNotEmpty();
        return scripts.stream().map(script -> DynamicTest.dynamicTest(script.getFileName().toString(),
                () -> check(script)));
    }

    private static void check(Path script) throws Exception {
        String name = script.getFileName().toString();
        List<String> args = new ArrayList<>();
        if (Files.exists(sibling(script, ".cmd"))) {
            args.addAll(lines(sibling(script, ".cmd")));
        } else {
            if (Files.exists(sibling(script, ".args"))) {
                args.addAll(lines(sibling(script, ".args")));
            }
            args.add(name);
        }
        Result result = runHype(script.getParent(), args, read(sibling(script, ".stdin"), ""));
        int status = Integer.parseInt(read(sibling(script, ".status"), "0").trim());
        assertThat(result.stdout()).as(name + " stdout (stderr was: " + result.stderr() + ")")
                .isEqualTo(read(sibling(script, ".expected"), ""));
        assertThat(result.status()).as(name + " exit status (stderr was: " + result.stderr() + ")")
                .isEqualTo(status);
        if (Files.exists(sibling(script, ".stderr"))) {
            List<String> expected = lines(sibling(script, ".stderr"));
            String stderr = result.stderr().replace(script.getParent().toRealPath().toString(), "[DIR]");
            assertThat(stderr.lines().toList()).as(name + " stderr").containsSubsequence(expected);
        }
        assertThat(result.stderr()).as(name + " has no Java stack trace").doesNotContain("\tat java.");
    }

    /** The outcome of one child run. */
    public record Result(int status, String stdout, String stderr) { }

    public static Result runHype(Path dir, List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path out = Files.createTempFile("golden", ".out");
        Path err = Files.createTempFile("golden", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().put("HYPE_HOME", HOME.toString());
            Process process = builder.start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("hype " + args + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isEmpty()).toList();
    }

    private static Path sibling(Path script, String extension) {
        String base = script.getFileName().toString().replaceFirst("\\.lua$", "");
        return script.resolveSibling(base + extension);
    }

    private static String read(Path path, String fallback) throws IOException {
        return Files.exists(path) ? Files.readString(path) : fallback;
    }
}
