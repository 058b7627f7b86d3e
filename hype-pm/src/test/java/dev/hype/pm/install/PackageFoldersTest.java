package dev.hype.pm.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hype.pm.pack.Integrity;
import dev.hype.pm.semver.Version;
import dev.hype.pm.store.PackageRef;
import dev.hype.runtime.HypeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a package may land in {@code hype_modules/}, and the check that an unpacked tarball is the package the
 * lockfile or registry says it is.
 */
class PackageFoldersTest {
    @TempDir
    Path temp;

    @Test
    void aNameThatWouldNotLandInItsOwnFolderIsRefused() {
        Path modules = temp.resolve("hype_modules");

        assertThat(InstalledTree.packageDirectory(modules, "json")).isEqualTo(modules.resolve("json"));
        assertThat(InstalledTree.packageDirectory(modules, "@acme/json")).isEqualTo(modules.resolve("@acme/json"));
        for (String name : List.of("", "a/b", "@acme/x/y", ".hidden", "@acme/..", "a\\b", "hype_modules", "a\0b")) {
            assertThatThrownBy(() -> InstalledTree.packageDirectory(modules, name)).as(name)
                    .isInstanceOfSatisfying(InstallException.class, e -> {
                        assertThat(e.code()).isEqualTo(InstallException.CODE);
                        assertThat(e.getMessage()).startsWith("refusing to install a package named \"")
                                .endsWith("\": it would not land in its own folder of " + modules);
                        assertThat(e.hints()).containsExactly("the previous hype_modules/ and hype-lock.json were left"
                                + " unchanged");
                    });
        }
    }

    private PackageRef ref() {
        return new PackageRef("json", Version.parse("2.0.0"), Integrity.sha512(new byte[] {1}),
                URI.create("https://r.example/json/-/json-2.0.0.tgz"));
    }

    private Path unpacked(String file, String manifest) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("pkg-" + System.nanoTime()));
        Files.writeString(dir.resolve(file), manifest);
        return dir;
    }

    @Test
    void aTarballHoldingAnotherPackageIsRefusedNamingTheFile() throws IOException {
        String where = "the %s in the tarball of json@2.0.0 (https://r.example/json/-/json-2.0.0.tgz)";

        PackageIdentity.check(unpacked("hype.json", "{\"name\": \"json\", \"version\": \"2.0.0\"}"), ref());
        PackageIdentity.check(unpacked("hype.json", "[\"not an object\"]"), ref());
        assertThatThrownBy(() -> PackageIdentity.check(unpacked("hype.json", "{\"name\": 7}"), ref()))
                .isInstanceOfSatisfying(HypeException.class, e -> {
                    assertThat(e.code()).isEqualTo(PackageIdentity.E_IDENTITY);
                    assertThat(e.hints()).anyMatch(h -> h.contains("'resolved' and 'integrity' of json"));
                }).hasMessage(where.formatted("hype.json") + " has a \"name\" that is not a string, not json@2.0.0");
        assertThatThrownBy(() -> PackageIdentity.check(unpacked("package.json", "{\"name\": \"yaml\"}"), ref()))
                .hasMessage(where.formatted("package.json") + " names the package \"yaml\", not json@2.0.0");
        assertThatThrownBy(() -> PackageIdentity.check(unpacked("hype.json", "{\"version\": \"2.0.1\"}"), ref()))
                .hasMessage(where.formatted("hype.json") + " is version \"2.0.1\", not json@2.0.0");
    }
}
