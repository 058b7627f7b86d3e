package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run each {@code golden/NAME.lua} through the real {@code hype} command in a child JVM, from the
 * golden directory, and compare with {@code NAME.expected} (stdout), {@code NAME.status} (exit
 * status, default 0) and {@code NAME.stderr} (when present; the golden directory reads
 * {@code [DIR]}). {@code NAME.args} holds hype options, one per line, put before the script.
 * The examples run the same way from {@code examples/}, against {@code golden/examples/}.
 */
class ModuleGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden").toAbsolutePath();
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    static Path home;

    @TestFactory
    Stream<DynamicTest> goldenScripts() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            return files.filter(p -> p.toString().endsWith(".lua")).sorted().toList().stream()
                    .map(script -> DynamicTest.dynamicTest(script.getFileName().toString(), () -> check(GOLDEN,
                            script.getFileName().toString(), GOLDEN.resolve(base(script)))));
        }
    }

    @TestFactory
    Stream<DynamicTest> examples() {
        return Stream.of(
                DynamicTest.dynamicTest("basic-module", () -> check(EXAMPLES, "basic-module.lua",
                        GOLDEN.resolve("examples/basic-module"))),
                DynamicTest.dynamicTest("file-operations", () -> check(EXAMPLES.getParent(), "examples/file-operations.lua",
                        GOLDEN.resolve("examples/file-operations"))),
                DynamicTest.dynamicTest("package-app", () -> check(EXAMPLES.resolve("package-app"), "app.lua",
                        GOLDEN.resolve("examples/package-app"))));
    }

    private static String base(Path script) {
        String name = script.getFileName().toString();
        return name.substring(0, name.length() - ".lua".length());
    }

    private static void check(Path directory, String script, Path golden) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        Path args = sibling(golden, ".args");
        if (Files.exists(args)) {
            Files.readAllLines(args).stream().filter(l -> !l.isBlank()).forEach(command::add);
        }
        command.add(script);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().put("HYPE_HOME", home.toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        int status = process.waitFor();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8).replace(directory.toRealPath().toString(), "[DIR]");
        Path expectedStatus = sibling(golden, ".status");
        int wanted = Files.exists(expectedStatus) ? Integer.parseInt(Files.readString(expectedStatus).trim()) : 0;
        assertThat(status).as("exit status of %s; stderr:%n%s", script, stderr).isEqualTo(wanted);
        assertThat(stdout).as("stdout of %s", script).isEqualTo(Files.readString(sibling(golden, ".expected")));
        Path expectedErr = sibling(golden, ".stderr");
        if (Files.exists(expectedErr)) {
            assertThat(stderr).as("stderr of %s", script).isEqualTo(Files.readString(expectedErr));
        }
    }

    private static Path sibling(Path golden, String extension) {
        return golden.resolveSibling(golden.getFileName() + extension);
    }
}
