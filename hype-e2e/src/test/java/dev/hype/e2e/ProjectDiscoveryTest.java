package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pkg commands find the project from a subdirectory, and write nothing where there is none (issue 13, item 9). */
class ProjectDiscoveryTest {
    @TempDir
    Path temp;

    private Hype hype;

    @BeforeEach
    void create() {
        hype = Hype.in(temp);
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }

    @Test
    void commandsInASubdirectoryWorkOnTheProjectAbove() throws IOException {
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            hype.env("HYPE_TOKEN", registry.token("alice"));
            hype.cd("lib");
            hype.write("hype.json", "{\"name\": \"greeting\", \"version\": \"1.0.0\", \"main\": \"index.lua\"}\n");
            hype.write("index.lua", "return { text = 'hi' }\n");
            hype.cd("src");
            hype.run("pkg", "publish", "--registry", registry.url()).assertSuccess();

            hype.cd("../../app");
            hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
            hype.write(".hyperc.json", "{\"registry\": \"" + registry.url() + "\"}\n");
            hype.cd("src/deep");
            hype.run("pkg", "install", "greeting").assertSuccess();
            hype.cd("../..");
            assertThat(hype.read("hype.json")).contains("\"greeting\": \"^1.0.0\"");
            assertThat(hype.directory().resolve("hype_modules/greeting")).isDirectory();
            assertThat(hype.directory().resolve("src/deep/hype.json")).doesNotExist();

            hype.cd("src/deep");
            assertThat(hype.run("pkg", "list").assertSuccess().stdout()).isEqualTo("greeting 1.0.0\n");
            assertThat(hype.run("pkg", "why", "greeting").assertSuccess().stdout()).isEqualTo("app@1.0.0 > greeting@1.0.0\n");
            hype.run("pkg", "check").assertSuccess();
            assertThat(names(hype.directory())).doesNotContain("hype_modules.lock", "hype-lock.json");
        }
    }

    @Test
    void outsideAnyProjectCommandsSaySoAndLeaveNothingBehind() throws IOException {
        hype.cd("nowhere");
        for (String[] command : new String[][] {{"pkg", "install"}, {"pkg", "list"}, {"pkg", "remove", "x"},
            {"pkg", "update"}, {"pkg", "check"}, {"pkg", "tree"}, {"pkg", "ci"}, {"pkg", "run"}}) {
            Result result = hype.run(command).assertExit(1);
            assertThat(result.stderr()).as(result.describe()).startsWith("error: no hype.json in " + hype.directory()
                    + " or any folder above it").contains("hype pkg init").doesNotContain("Exception")
                    .doesNotContain("NoSuchFile");
        }
        try (Stream<Path> left = Files.list(hype.directory())) {
            assertThat(left).isEmpty();
        }
    }
}
