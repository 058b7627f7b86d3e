package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.manifest.Manifest;
import dev.hype.runtime.HypeException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitOperationTest {
    @TempDir
    Path temp;

    @Test
    void deriveAValidNameFromTheDirectory() {
        assertThat(InitOperation.nameFrom(Path.of("/x/My Cool_Lib"))).isEqualTo("my-cool_lib");
        assertThat(InitOperation.nameFrom(Path.of("/x/.hidden"))).isEqualTo("hidden");
        assertThat(InitOperation.nameFrom(Path.of("/x/!!!"))).isEqualTo("package");
    }

    @Test
    void writeAValidManifestAndPassCheck() {
        InitResult result = InitOperation.run(new InitOptions(temp.resolve("kit"), null));

        assertThat(result.created()).containsExactly("hype.json", "index.lua", "test/kit_test.lua", ".gitignore");
        Manifest manifest = Manifest.read(temp.resolve("kit"));
        assertThat(manifest.main()).isEqualTo("index.lua");
        assertThat(manifest.test()).containsExactly("test/**/*_test.lua");
        assertThat(CheckOperation.run(new CheckOptions(temp.resolve("kit"), temp.resolve("store"))).ok()).isTrue();
        assertThatThrownBy(() -> InitOperation.run(new InitOptions(temp.resolve("kit"), "other")))
                .extracting(e -> ((HypeException) e).code()).isEqualTo(InitOperation.PROJECT_EXISTS);
    }
}
