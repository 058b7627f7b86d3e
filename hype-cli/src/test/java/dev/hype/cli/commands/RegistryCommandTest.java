package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.registry.auth.TokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCommandTest {
    @TempDir
    Path storage;

    @Test
    void tokenCreatePrintsATokenTheRegistryAccepts() throws Exception {
        CliRun run = CliRun.of("registry", "token", "create", "bob", "--storage", storage.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String token = run.out().strip();
        assertThat(token).isNotBlank();
        assertThat(TokenStore.open(storage).authenticate(token)).isPresent();
        assertThat(Files.readString(storage.resolve(".hype/tokens.json"))).doesNotContain(token);
    }

    @Test
    void serveRejectsABadPort() {
        CliRun run = CliRun.of("registry", "serve", "--port", "not-a-port");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--port");
    }
}
