package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {
    @TempDir
    Path dir;

    private Path project(String manifest, String index) throws Exception {
        Files.writeString(dir.resolve("hype.json"), manifest);
        return Files.writeString(dir.resolve("index.json"), index);
    }

    @Test
    void printsTheSolutionInInstallOrder() throws Exception {
        Path index = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a\": \"^1\", \"b\": \"^1\"}}",
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^1\"}}, "
                        + "\"1.1.0\": {\"dependencies\": {\"c\": \"^2\"}}}, "
                        + "\"b\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^1\"}}}, \"c\": {\"1.0.0\": {}, \"2.0.0\": {}}}}");
        CliRun run = CliRun.of("pkg", "resolve", "--dir", dir.toString(), "--index", index.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("c@1.0.0\na@1.0.0\nb@1.0.0\n");
    }

    @Test
    void explainsAConflictAndExitsOne() throws Exception {
        Path index = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a\": \"^1\", \"b\": \"^1\"}}",
                "{\"packages\": {\"a\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^2.0.0\"}}}, "
                        + "\"b\": {\"1.0.0\": {\"dependencies\": {\"c\": \"^1.0.0\"}}}, \"c\": {\"1.0.0\": {}, \"2.0.0\": {}}}}");
        CliRun run = CliRun.of("pkg", "resolve", "--dir", dir.toString(), "--index", index.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("version solving failed").containsPattern("(a is incompatible with b|b is incompatible with a)");
    }

    @Test
    void printsJson() throws Exception {
        Path index = project("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"c\": \"*\"}}",
                "{\"packages\": {\"c\": {\"1.0.0\": {}, \"2.0.0\": {}}}}");
        CliRun run = CliRun.of("pkg", "resolve", "--json", "--dir", dir.toString(), "--index", index.toString());
        assertThat(run.out()).contains("\"name\" : \"c\"").contains("\"version\" : \"2.0.0\"");
    }
}
