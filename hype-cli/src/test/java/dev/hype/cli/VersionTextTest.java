package dev.hype.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bare {@code hype --version} is printed by {@link Main} without picocli: the same as picocli prints. */
class VersionTextTest {
    @Test
    void mainPrintsWhatPicocliPrints() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(new ByteArrayInputStream(new byte[0]), out, err);
        assertThat(CommandLineRunner.run(new String[] {"--version"}, terminal)).isZero();
        String picocli = out.toString(StandardCharsets.UTF_8);

        for (String option : new String[] {"--version", "-V"}) {
            CliRun run = CliRun.of(option);
            assertThat(run.status()).isZero();
            assertThat(run.out()).as(option).isEqualTo(picocli);
            assertThat(run.err()).isEmpty();
        }
        assertThat(picocli).startsWith("hype " + VersionText.hypeVersion() + System.lineSeparator())
                .endsWith("Lua 5.4.8" + System.lineSeparator());
        assertThat(VersionText.hypeVersion()).isNotEqualTo("unknown");
    }

    @Test
    void versionWithMoreArgumentsGoesThroughPicocli() {
        // picocli answers --version before it looks at the other arguments.
        CliRun run = CliRun.of("--version", "-W");
        assertThat(run.status()).isZero();
        assertThat(run.out()).isEqualTo(CliRun.of("--version").out());
    }
}
