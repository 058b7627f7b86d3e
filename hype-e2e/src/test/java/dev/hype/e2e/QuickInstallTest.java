package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the launcher: an install that would change nothing is decided from {@code hype_modules/.hype-installed}
 * without opening the store (issue 17), and any change to the manifest, the lockfile or the tree takes the full
 * install, which repairs it. While the store is a plain file, the full install fails on it and the quick one does not.
 */
class QuickInstallTest {
    @TempDir
    Path temp;

    private Hype hype;
    private FileRegistry registry;
    private Path store;

    @BeforeEach
    void install() {
        hype = Hype.in(temp);
        registry = FileRegistry.in(temp.resolve("registry"))
                .publish("a-lib", "1.0.0", Map.of("index.lua", "return 'a'\n"), Map.of())
                .publish("b-lib", "1.0.0", "'b'");
        hype.cd("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", "
                + "\"dependencies\": {\"a-lib\": \"^1.0.0\", \"b-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        store = hype.hypeHome().resolve("store");
    }

    /** Run {@code pkg install} with the store swapped for a file; return whether it succeeded. */
    private boolean installsWithoutTheStore() throws IOException {
        Path aside = temp.resolve("store-aside");
        Files.move(store, aside);
        Files.writeString(store, "not a store");
        try {
            Result result = hype.run("pkg", "install", "--registry", registry.url());
            if (result.exitCode() == 0) {
                assertThat(result.stdout()).as(result.describe()).startsWith("added 0, removed 0, changed 0");
            }
            return result.exitCode() == 0;
        } finally {
            Files.delete(store);
            Files.move(aside, store);
        }
    }

    @Test
    void aNoOpInstallNeedsNoStoreAndAnyChangeTakesTheFullInstall() throws IOException {
        assertThat(hype.directory().resolve("hype_modules/.hype-installed")).exists();
        assertThat(installsWithoutTheStore()).isTrue();

        hype.write("hype.json", hype.read("hype.json") + "\n");
        assertThat(installsWithoutTheStore()).as("a changed manifest").isFalse();
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();
        assertThat(installsWithoutTheStore()).isTrue();

        hype.write("hype-lock.json", hype.read("hype-lock.json") + " ");
        assertThat(installsWithoutTheStore()).as("a changed lockfile").isFalse();
        hype.run("pkg", "install", "--registry", registry.url()).assertSuccess();

        hype.delete("hype_modules/b-lib");
        assertThat(installsWithoutTheStore()).as("a deleted package").isFalse();
        assertThat(hype.run("pkg", "install", "--registry", registry.url()).assertSuccess().stdout())
                .contains("+ b-lib", "added 1, removed 0, changed 0");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).startsWith("ok: 2 packages checked");

        Path index = hype.directory().resolve("hype_modules/a-lib/index.lua");
        index.toFile().setWritable(true);
        Files.writeString(index, "return 'edited'\n");
        assertThat(installsWithoutTheStore()).as("a file written through the tree").isFalse();
        assertThat(hype.run("pkg", "check").exitCode()).as("check still sees the damage").isEqualTo(1);
        hype.run("pkg", "install", "--force", "--registry", registry.url()).assertSuccess();
        assertThat(hype.read("hype_modules/a-lib/index.lua")).isEqualTo("return 'a'\n");
        assertThat(installsWithoutTheStore()).isTrue();
    }
}
