package dev.hype.runtime.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.runtime.permissions.EscapeAttack.Expectation;
import dev.hype.runtime.permissions.EscapeProject.EscapeReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Run the escape corpus: each file under {@code src/test/resources/escape/} is the code of a
 * malicious package {@code evil} that a trusted project requires (see {@link EscapeProject} for
 * the world it runs in and {@link EscapeAttack} for the file format). For every attack: evil got
 * none of the secrets, the secret files are unchanged, no file appeared where it must not, the
 * state the project shares with evil is unchanged, and each outcome is the one expected, with the
 * exact denial message where the file gives one.
 */
class EscapeCorpusTest {
    @TempDir
    Path temp;

    /** The corpus, or with {@code -Descape.only=PREFIX} the attacks whose file names start with PREFIX. */
    static Stream<EscapeAttack> attacks() {
        String only = System.getProperty("escape.only", "");
        return files("/escape").stream().filter(a -> a.toString().startsWith(only));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void attackIsContained(EscapeAttack attack) throws IOException {
        run(attack);
    }

    @Test
    void corpusHoldsAtLeastFortyFiveAttacks() {
        assertThat(files("/escape")).hasSizeGreaterThanOrEqualTo(45);
    }

    private void run(EscapeAttack attack) throws IOException {
        EscapeProject world = EscapeProject.create(temp, attack);
        EscapeReport report = world.run();

        assertThat(report.changed()).as("shared state %s changed", attack).isEmpty();
        for (String secret : EscapeProject.SECRETS) {
            assertThat(report.got()).as("what %s got", attack).doesNotContain(secret);
        }
        for (Map.Entry<Path, String> file : world.secretFiles().entrySet()) {
            assertThat(file.getKey()).as("secret file").hasContent(file.getValue());
        }
        assertNoSecretIn(world.data);
        for (String path : attack.absent()) {
            assertThat(Files.exists(Path.of(world.fill(path)), LinkOption.NOFOLLOW_LINKS)).as("%s exists", path).isFalse();
        }
        for (String path : attack.exists()) {
            assertThat(Path.of(world.fill(path))).as("%s exists", path).exists();
        }

        List<Expectation> expected = attack.expectations();
        assertThat(report.outcomes()).as("outcomes of %s", attack).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String outcome = world.fill(expected.get(i).outcome());
            assertThat(report.outcomes().get(i)).as("outcome %d of %s", i + 1, attack).matches(glob(outcome));
            String message = expected.get(i).message();
            if (message != null) {
                assertThat(report.messages().get(i)).as("message %d of %s", i + 1, attack).isEqualTo(world.fill(message));
            }
        }
    }

    /** Fail if a file evil may write holds a secret: it would have obtained it. */
    private static void assertNoSecretIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String content = Files.readString(file);
                for (String secret : EscapeProject.SECRETS) {
                    assertThat(content).as("content of %s", file).doesNotContain(secret);
                }
            }
        }
    }

    private static Pattern glob(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }


    private static List<EscapeAttack> files(String directory) {
        try {
            Path dir = Path.of(EscapeCorpusTest.class.getResource(directory).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".lua")).sorted()
                        .map(f -> EscapeAttack.parse(f.getFileName().toString(), read(f))).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
