package dev.hype.pm.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.pm.ops.CheckProblem.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckOperationTest {
    @TempDir
    Path temp;

    private Project project;

    @BeforeEach
    void install() {
        project = new Project(temp);
        project.packages.add("lpeg", "1.0.0").add("json", "2.0.0", "lpeg", "^1.0.0").add("zlib", "1.0.0");
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"json\": \"^2.0.0\", \"zlib\": \"^1.0.0\"}}");
        project.install();
    }

    private CheckResult check() {
        return CheckOperation.run(new CheckOptions(project.dir, project.store));
    }

    @Test
    void passAFreshInstall() {
        CheckResult result = check();
        assertThat(result.problems()).isEmpty();
        assertThat(result.packagesChecked()).isEqualTo(3);
    }

    @Test
    void reportEachChangedMissingOrExtraFile() throws IOException {
        Path json = project.dir.resolve("hype_modules/json");
        Files.delete(json.resolve("index.lua"));
        Files.writeString(json.resolve("extra.lua"), "return 1\n");
        Path lpeg = project.dir.resolve("hype_modules/lpeg/index.lua");
        Files.delete(lpeg);
        Files.writeString(lpeg, "return 'patched'\n");

        assertThat(check().problems()).extracting(CheckProblem::kind, CheckProblem::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.EXTRANEOUS_FILE, "json/extra.lua"),
                org.assertj.core.groups.Tuple.tuple(Kind.MISSING_FILE, "json/index.lua"),
                org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED_FILE, "lpeg/index.lua"));
    }

    @Test
    void reportMissingExtraneousAndWrongPackages() throws IOException {
        InstallOperationTest.deleteTree(project.dir.resolve("hype_modules/zlib"));
        Files.createDirectories(project.dir.resolve("hype_modules/stray"));
        Path manifest = project.dir.resolve("hype_modules/lpeg/hype.json");
        String text = Files.readString(manifest);
        Files.delete(manifest);
        Files.writeString(manifest, text.replace("1.0.0", "1.0.1"));

        assertThat(check().problems()).extracting(CheckProblem::kind)
                .containsExactly(Kind.WRONG_PACKAGE, Kind.EXTRANEOUS_PACKAGE, Kind.MISSING_PACKAGE);
    }

    @Test
    void reportALockfileThatNoLongerMatchesTheManifest() {
        project.manifest("{\"name\": \"app\", \"dependencies\": {\"json\": \"^3.0.0\", \"socket\": \"*\"}}");
        assertThat(check().problems()).filteredOn(p -> p.kind() == Kind.LOCKFILE).hasSize(3)
                .extracting(CheckProblem::message)
                .anyMatch(m -> m.contains("json is locked at 2.0.0"))
                .anyMatch(m -> m.contains("socket is required"))
                .anyMatch(m -> m.contains("zlib is locked as a root dependency but no longer required"));
    }

    @Test
    void reportABrokenLockfileAndAnInvalidManifest() throws IOException {
        Files.writeString(project.dir.resolve("hype-lock.json"), "{\n  \"lockfileVersion\": 1,\n  oops\n}\n");
        assertThat(check().problems()).first().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.LOCKFILE);
            assertThat(p.message()).contains("hype-lock.json:3:");
        });
        project.manifest("{\"name\": \"App!\", \"dependencies\": {\"json\": \"not a range\"}}");
        assertThat(check().problems()).hasSize(2).allMatch(p -> p.kind() == Kind.MANIFEST);
    }

    @Test
    void reportWhatCannotBeVerifiedWithoutTheStore() throws IOException {
        InstallOperationTest.deleteTree(project.store);
        assertThat(check().problems()).hasSize(3).allMatch(p -> p.kind() == Kind.UNVERIFIABLE);
    }

    @Test
    void reportAPackageInstalledFromAnotherTarballThanTheLockfileSays() throws IOException {
        Path lock = project.dir.resolve("hype-lock.json");
        String locked = project.packages.ref("zlib", "1.0.0").integrity().sri();
        String other = dev.hype.pm.pack.Integrity.sha512(new byte[] {1}).sri();
        Files.writeString(lock, Files.readString(lock).replace(locked, other));

        assertThat(check().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.WRONG_PACKAGE);
            assertThat(p.subject()).isEqualTo("zlib");
            assertThat(p.message()).isEqualTo("installed from " + locked + " but the lockfile says " + other);
        });
    }

    @Test
    void reportAnInstalledManifestWhosePermissionsCannotBeRead() throws IOException {
        Path manifest = project.dir.resolve("hype_modules/zlib/hype.json");
        Files.delete(manifest);
        Files.writeString(manifest, "{\"name\": \"zlib\", \"version\": \"1.0.0\", \"permissions\": 42}");

        assertThat(check().problems()).extracting(CheckProblem::kind, CheckProblem::subject).contains(
                org.assertj.core.groups.Tuple.tuple(Kind.MODIFIED_FILE, "zlib/hype.json"),
                org.assertj.core.groups.Tuple.tuple(Kind.PERMISSIONS, "zlib"));
        assertThat(check().problems()).filteredOn(p -> p.kind() == Kind.PERMISSIONS).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("zlib@1.0.0").contains("hype.json"));
    }

    @Test
    void reportAMissingLockfileAndAMissingManifest() throws IOException {
        Files.delete(project.dir.resolve("hype-lock.json"));
        assertThat(check().problems()).filteredOn(p -> p.kind() == Kind.LOCKFILE).singleElement()
                .satisfies(p -> assertThat(p.message()).isEqualTo("missing; run 'hype pkg install' to create it"));

        Files.delete(project.dir.resolve("hype.json"));
        assertThat(check().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.MANIFEST);
            assertThat(p.subject()).isEqualTo("hype.json");
        });
    }
}
