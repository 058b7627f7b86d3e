package dev.hype.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestDiscoveryTest {
    @TempDir
    Path root;

    private void touch(String... paths) throws IOException {
        for (String p : paths) {
            Path file = root.resolve(p);
            Files.createDirectories(file.getParent());
            Files.writeString(file, "");
        }
    }

    private List<String> names(List<String> args) {
        return TestDiscovery.discover(root, root, args).stream().map(TestFile::displayName).toList();
    }

    @Test
    void findsTheDefaultLayoutsSortedAndSkipsInstalledPackages() throws IOException {
        touch("test/b_test.lua", "test/a.test.lua", "test/deep/c_test.lua", "spec/x_spec.lua", "spec/helper.lua",
                "src/d_test.lua", "hype_modules/dep/test/e_test.lua", "test/notes.txt");
        assertThat(names(List.of())).containsExactly("spec/x_spec.lua", "test/a.test.lua", "test/b_test.lua",
                "test/deep/c_test.lua");
    }

    @Test
    void usesTheTestGlobsOfTheManifest() throws IOException {
        touch("checks/one.lua", "checks/sub/two.lua", "test/a_test.lua");
        Files.writeString(root.resolve("hype.json"), "{\"name\":\"p\",\"test\":[\"checks/**/*.lua\"]}");
        assertThat(names(List.of())).containsExactly("checks/one.lua", "checks/sub/two.lua");
    }

    @Test
    void takesExplicitFilesAndDirectories() throws IOException {
        touch("test/a_test.lua", "other/b_spec.lua", "other/plain.lua", "single.lua");
        assertThat(names(List.of("other", "single.lua"))).containsExactly("other/b_spec.lua", "single.lua");
    }

    @Test
    void reportsABadManifestField() throws IOException {
        Files.writeString(root.resolve("hype.json"), "{\"test\": 3}");
        assertThatThrownBy(() -> names(List.of())).isInstanceOf(HypeException.class)
                .hasMessageContaining("field 'test' must be a glob or a list of globs");
    }

    @Test
    void globsMatchAcrossDirectories() {
        assertThat(Glob.of("test/**/*_test.lua").matches("test/a_test.lua")).isTrue();
        assertThat(Glob.of("test/**/*_test.lua").matches("test/x/y/a_test.lua")).isTrue();
        assertThat(Glob.of("test/*.lua").matches("test/x/a.lua")).isFalse();
        assertThat(Glob.of("{spec,test}/?.lua").matches("spec/a.lua")).isTrue();
    }
}
