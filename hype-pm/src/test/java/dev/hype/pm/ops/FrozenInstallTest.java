package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.install.Reporter;
import dev.hype.pm.manifest.DependencyKind;
import dev.hype.pm.store.CountingFetcher;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --frozen} says when the lockfile alone cannot be installed, and that it then changes nothing. */
class FrozenInstallTest {
    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void installed() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("json", "2.0.0", "lpeg", "^1.0.0");
        project.manifest("{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"json\": \"^2.0.0\"}}");
        project.install();
    }

    private InstallOptions frozen() {
        return project.options(new CountingFetcher()).with(true, false, false);
    }

    private HypeException refused(InstallOptions options) {
        try {
            InstallOperation.run(options, Reporter.SILENT);
        } catch (HypeException e) {
            return e;
        }
        throw new AssertionError("--frozen installed");
    }

    @Test
    void aNewerVersionTheLockWouldTakeIsNamedWithBothVersions() {
        project.packages.add("json", "2.1.0", "lpeg", "^1.0.0");
        var before = project.snapshot();

        HypeException e = refused(frozen().unlocking(Set.of("json")));

        assertThat(e.code()).isEqualTo(InstallOperation.FROZEN_LOCKFILE);
        assertThat(e.getMessage()).isEqualTo("--frozen: hype-lock.json would change: json 2.0.0 -> 2.1.0");
        assertThat(e.hints()).containsExactly("run 'hype pkg install' without --frozen and commit the updated"
                + " hype-lock.json");
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void aManifestEditIsAChangeToo() {
        var before = project.snapshot();

        HypeException e = refused(frozen().adding(DependencyKind.RUNTIME, true, "json"));

        assertThat(e.code()).isEqualTo(InstallOperation.FROZEN_LOCKFILE);
        assertThat(e.getMessage()).as("pinning json rewrites its range in hype.json")
                .isEqualTo("--frozen: hype.json would change");
        assertThat(project.snapshot()).isEqualTo(before);
    }

    @Test
    void aLockfileMissingADependencyOfALockedPackageIsRefused() throws IOException {
        Path lock = project.dir.resolve("hype-lock.json");
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(lock.toFile());
        ((ObjectNode) tree.get("packages")).remove("lpeg");
        Files.writeString(lock, json.writerWithDefaultPrettyPrinter().writeValueAsString(tree));

        HypeException e = refused(frozen());

        assertThat(e.code()).isEqualTo(InstallOperation.FROZEN_LOCKFILE);
        assertThat(e.getMessage()).isEqualTo("--frozen: hype-lock.json does not match hype.json:\n"
                + "  some locked packages depend on versions the lockfile does not lock");
    }
}
