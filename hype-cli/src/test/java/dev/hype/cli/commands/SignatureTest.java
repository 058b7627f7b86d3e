package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign packages on publish and require the signatures on install. */
class SignatureTest {
    @TempDir
    Path temp;

    private RegistryProject project;

    @BeforeEach
    void start() throws Exception {
        project = RegistryProject.start(temp);
    }

    @AfterEach
    void stop() {
        project.close();
    }

    private String keygen(String name) throws Exception {
        CliRun run = CliRun.of("pkg", "keygen", "--out", temp.resolve("keys").toString(), "--name", name);
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("key id:      SHA256:");
        return Files.readString(temp.resolve("keys").resolve(name + ".pub")).strip();
    }

    private void publishSigned(String name, String key) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("src-" + name));
        Files.writeString(dir.resolve("hype.json"), "{\"name\": \"" + name + "\", \"version\": \"1.0.0\", \"license\": \"MIT\"}");
        Files.writeString(dir.resolve("index.lua"), "return {}\n");
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString(), "--registry", project.registry().url(),
                "--token", project.registry().token(), "--force", "--sign", temp.resolve("keys").resolve(key + ".key").toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    private void trust(String scope, String publicKey) throws Exception {
        Files.writeString(project.home.resolve("config.json"), "{\"trustedKeys\": {\"" + scope + "\": [\"" + publicKey + "\"]}}");
    }

    @Test
    void aSignedPackageInstallsWhenItsKeyIsTrusted() throws Exception {
        String pub = keygen("team");
        publishSigned("signed-lib", "team");
        trust("*", pub);
        project.manifest("{\"signed-lib\": \"^1\"}");
        CliRun install = project.pkg("install");
        assertThat(install.status()).as(install.err()).isZero();
        assertThat(project.app.resolve("hype_modules/signed-lib/index.lua")).exists();
    }

    @Test
    void aSignatureByAnotherKeyIsRefusedAndNothingIsInstalled() throws Exception {
        keygen("team");
        String other = keygen("other");
        publishSigned("signed-lib", "team");
        trust("*", other);
        project.manifest("{\"signed-lib\": \"^1\"}");
        CliRun install = project.pkg("install");
        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).contains("signed-lib@1.0.0 has no valid signature by a key trusted for it");
        assertThat(project.app.resolve("hype_modules")).doesNotExist();
    }

    @Test
    void anUnsignedPackageIsRefusedOnlyInATrustedScope() throws Exception {
        String pub = keygen("team");
        project.publish("plain-lib", "1.0.0", "{}");
        trust("@acme", pub);
        project.manifest("{\"plain-lib\": \"^1\"}");
        assertThat(project.pkg("install").status()).isZero();

        trust("*", pub);
        Files.delete(project.app.resolve("hype-lock.json"));
        CliRun install = project.pkg("install");
        assertThat(install.status()).isEqualTo(1);
        assertThat(install.err()).contains("plain-lib@1.0.0 is not signed by a key trusted for it")
                .contains("hype pkg publish --sign");
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        keygen("team");
        CliRun again = CliRun.of("pkg", "keygen", "--out", temp.resolve("keys").toString(), "--name", "team");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
    }
}
