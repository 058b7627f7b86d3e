package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.install.InstallMarker;
import dev.hype.pm.install.StoredTreeProof;
import dev.hype.pm.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof an interrupted install's recovery asks for before it keeps a new {@code hype_modules/}: every package
 * folder matches a store entry, and each way one does not is named.
 */
class InstalledTreeProofTest {
    @TempDir
    Path temp;

    @Test
    void eachPackageThatDoesNotMatchTheStoreIsNamed() throws IOException {
        Project project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("json", "2.0.0", "lpeg", "^1.0.0").add("zlib", "1.0.0")
                .add("yaml", "1.0.0");
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.0.0\", \"zlib\": \"^1.0.0\","
                + " \"yaml\": \"^1.0.0\"}}");
        project.install();
        Path modules = project.dir.resolve("hype_modules");
        StoredTreeProof proof = new StoredTreeProof(Store.at(project.store));
        assertThat(proof.problems(modules)).isEmpty();

        Files.delete(modules.resolve("json").resolve(InstallMarker.FILE_NAME));
        Path zlibMarker = modules.resolve("zlib").resolve(InstallMarker.FILE_NAME);
        Files.writeString(zlibMarker, Files.readString(zlibMarker).replaceAll("sha512-[A-Za-z0-9+/=]+", "sha512-%%%"));
        Path yamlMarker = modules.resolve("yaml").resolve(InstallMarker.FILE_NAME);
        String unknown = dev.hype.pm.pack.Integrity.sha512(new byte[] {7}).sri();
        Files.writeString(yamlMarker, Files.readString(yamlMarker).replaceAll("sha512-[A-Za-z0-9+/=]+", unknown));
        Files.writeString(modules.resolve("lpeg/extra.lua"), "return 1\n");

        assertThat(proof.problems(modules)).containsExactlyInAnyOrder(
                "json: no " + InstallMarker.FILE_NAME,
                "zlib: " + InstallMarker.FILE_NAME + " names no valid integrity",
                "yaml: the store has no entry to compare it with",
                "lpeg/extra.lua was added");
    }
}
