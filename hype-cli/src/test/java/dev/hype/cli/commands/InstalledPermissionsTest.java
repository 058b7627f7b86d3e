package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.cli.GoldenTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publish, install with approval, then run: the installed package gets exactly what was approved. */
class InstalledPermissionsTest {
    private static final String READER = """
            local fs = require("fs")
            return function(path) return fs.readFileSync(path, "utf8") end
            """;

    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
        project.publishAsking("reader", "1.0.0", "{\"filesystem\": {\"read\": [\"$CWD/data/**\"]}}", READER);
    }

    @AfterEach
    void stop() {
        project.close();
    }

    @Test
    void anInstalledPackageReadsWhatWasApprovedAndNothingElse() throws Exception {
        project.manifest("{\"reader\": \"^1.0.0\"}");
        CliRun install = project.pkg("install", "--allow-permissions");
        assertThat(install.status()).as(install.err()).isZero();
        Files.createDirectories(project.app.resolve("data"));
        Files.writeString(project.app.resolve("data/notes.txt"), "approved");
        Files.writeString(project.app.resolve("secret.txt"), "secret");
        Files.writeString(project.app.resolve("app.lua"), """
                local read = require("reader")
                print(read("data/notes.txt"))
                local ok, err = pcall(read, "secret.txt")
                print(ok, err.code, err.package, err.kind, err.operation)
                print(read("data/../secret.txt"))
                """);

        GoldenTest.Result run = GoldenTest.runHype(project.app, List.of("app.lua"), "");

        assertThat(run.stdout()).isEqualTo("approved\nfalse\tPERMISSION_DENIED\treader\tread\tfs.readFileSync\n");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.stderr()).contains("PERMISSION_DENIED: package 'reader' may not read "
                + project.app.toRealPath().resolve("data/../secret.txt") + " (fs.readFileSync)");
    }
}
