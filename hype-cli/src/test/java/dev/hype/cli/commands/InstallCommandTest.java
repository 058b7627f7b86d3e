package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.cli.CliRun;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Path app;
    private Path index;
    private Path store;

    @BeforeEach
    void publishPackages() throws Exception {
        ObjectNode packages = JSON.createObjectNode();
        publish(packages, "lpeg", "1.0.0");
        publish(packages, "json", "2.0.0", "lpeg", "^1.0.0");
        publish(packages, "busted", "2.2.0");
        index = temp.resolve("index.json");
        Files.writeString(index, JSON.createObjectNode().set("packages", packages).toString());
        store = temp.resolve("store");
        app = temp.resolve("app");
        assertThat(CliRun.of("pkg", "init", "app", "--path", app.toString()).status()).isZero();
    }

    private void publish(ObjectNode index, String name, String version, String... deps) throws Exception {
        Path src = temp.resolve("src").resolve(name + "-" + version);
        Files.createDirectories(src);
        ObjectNode manifest = JSON.createObjectNode().put("name", name).put("version", version);
        ObjectNode dependencies = manifest.putObject("dependencies");
        for (int i = 0; i < deps.length; i += 2) {
            dependencies.put(deps[i], deps[i + 1]);
        }
        Files.writeString(src.resolve("hype.json"), manifest.toString());
        Files.writeString(src.resolve("index.lua"), "return \"" + name + "\"\n");
        PackResult packed = Packer.create(SourceChecker.acceptAll()).pack(src);
        Path tarball = packed.writeTo(temp.resolve("tarballs"));
        ObjectNode entry = index.withObjectProperty(name).putObject(version);
        entry.set("dependencies", dependencies);
        entry.putObject("dist").put("tarball", "tarballs/" + tarball.getFileName())
                .put("integrity", packed.integrity().sri());
    }

    private CliRun pkg(String... args) {
        List<String> all = new ArrayList<>(List.of("pkg"));
        all.addAll(List.of(args));
        all.addAll(List.of("-C", app.toString(), "--store-dir", store.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void addInstallCheckAndRemove() throws Exception {
        CliRun add = pkg("install", "json", "--index", index.toString());
        assertThat(add.status()).as(add.err()).isZero();
        assertThat(add.out()).contains("+ json").contains("+ lpeg").containsPattern("added 2, removed 0, changed 0 in ");
        assertThat(add.err()).contains("resolved 2 packages").contains("fetching json@2.0.0");
        assertThat(app.resolve("hype.json")).content().contains("\"json\": \"^2.0.0\"");

        CliRun dev = pkg("install", "--dev", "--exact", "busted@2", "--index", index.toString());
        assertThat(dev.status()).as(dev.err()).isZero();
        assertThat(app.resolve("hype.json")).content().contains("\"busted\": \"2\"");

        assertThat(pkg("check").out()).isEqualTo("ok: 3 packages checked\n");
        Files.writeString(app.resolve("hype_modules/stray.txt"), "");
        Files.delete(app.resolve("hype_modules/lpeg/index.lua"));
        CliRun broken = pkg("check");
        assertThat(broken.status()).isEqualTo(1);
        assertThat(broken.out()).isEqualTo("missing file: lpeg/index.lua: missing\n1 problem found\n"
                + "hint: run 'hype pkg install --force' to reinstall every package from verified store entries\n");

        CliRun remove = pkg("remove", "json", "--index", index.toString());
        assertThat(remove.status()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("- json").contains("- lpeg").contains("removed 2");
        assertThat(app.resolve("hype_modules/json")).doesNotExist();
    }

    @Test
    void frozenAndOfflineUseTheLockfileAndTheStore() throws Exception {
        assertThat(pkg("install", "json", "--index", index.toString()).status()).isZero();
        String lock = Files.readString(app.resolve("hype-lock.json"));

        CliRun offline = pkg("install", "--frozen", "--offline");
        assertThat(offline.status()).as(offline.err()).isZero();
        assertThat(offline.out()).contains("added 0, removed 0, changed 0");

        CliRun frozen = pkg("install", "busted", "--frozen", "--index", index.toString());
        assertThat(frozen.status()).isEqualTo(1);
        assertThat(frozen.err()).contains("error: --frozen: hype-lock.json does not match hype.json:\n"
                + "  busted is required by app but not locked").contains("hint: run 'hype pkg install' without --frozen");
        assertThat(app.resolve("hype-lock.json")).content().isEqualTo(lock);
        assertThat(app.resolve("hype.json")).content().doesNotContain("busted");
    }

    @Test
    void withoutAnIndexTheRegistryIsAskedAndAnUnreachableOneIsNamed() throws Exception {
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, temp.resolve("home").toString());
        try {
            String before = java.nio.file.Files.readString(app.resolve("hype.json"));
            CliRun run = pkg("install", "json", "--registry", "http://127.0.0.1:9");
            assertThat(run.status()).isEqualTo(1);
            assertThat(run.err()).contains("cannot reach http://127.0.0.1:9").contains("hint: is the registry running?");
            assertThat(java.nio.file.Files.readString(app.resolve("hype.json"))).isEqualTo(before);
            assertThat(app.resolve("hype_modules")).doesNotExist();
        } finally {
            System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
        }
    }
}
