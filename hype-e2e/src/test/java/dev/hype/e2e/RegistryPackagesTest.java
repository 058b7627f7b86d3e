package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package commands against a real {@code hype registry serve}: publish, info, search, install,
 * remove, update, list, tree, check, keygen and signatures, exec (README's command table,
 * docs/packages.md, docs/registry.md).
 */
class RegistryPackagesTest {
    @TempDir
    Path temp;

    private Hype hype;
    private ServedRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        hype = Hype.in(temp);
        registry = ServedRegistry.start(hype, temp.resolve("registry"));
        hype.env("HYPE_TOKEN", registry.token("alice"));
        Files.writeString(hype.hypeHome().resolve("config.json"), "{\"registry\": \"" + registry.url() + "\"}\n");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private void publish(String name, String version, String dependencies) {
        registry.publish("{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"description\": \"the " + name
                        + " library\", \"dependencies\": {" + dependencies + "}}\n",
                "index.lua", "return { name = '" + name + "', version = '" + version + "' }\n");
    }

    @Test
    void publishPrintsTheVersionAndTheRegistryRefusesToPublishItTwice() {
        hype.write("index.lua", "return 1\n");

        Result dry = hype.run("pkg", "publish", "--dry-run").assertSuccess();
        assertThat(dry.stdout()).contains("+ app@1.0.0 (dry run");
        hype.run("pkg", "info", "app").assertExit(1);

        assertThat(hype.run("pkg", "publish").assertSuccess().stdout()).isEqualTo("+ app@1.0.0\n");
        Result again = hype.run("pkg", "publish").assertExit(1);
        assertThat(again.stderr()).contains("409").contains("1.0.0");

        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.1.0-beta.1\"}\n");
        hype.run("pkg", "publish", "--tag", "beta").assertSuccess();
        Result info = hype.run("pkg", "info", "app").assertSuccess();
        assertThat(info.stdout()).contains("latest: 1.0.0").contains("beta: 1.1.0-beta.1");
        assertThat(hype.run("pkg", "info", "app", "--json").assertSuccess().stdout()).contains("\"dist-tags\"");
    }

    @Test
    void infoWithARangeAndSearchFindPublishedVersions() {
        publish("text-utils", "1.0.0", "");
        publish("text-utils", "1.4.0", "");
        publish("text-utils", "2.0.0", "");

        assertThat(hype.run("pkg", "info", "text-utils@^1.0.0").assertSuccess().stdout()).isEqualTo("1.0.0\n1.4.0\n");
        Result search = hype.run("pkg", "search", "text").assertSuccess();
        assertThat(search.stdout()).contains("text-utils").contains("2.0.0").contains("the text-utils library");
        assertThat(hype.run("pkg", "search", "text", "--json").assertSuccess().stdout()).contains("\"text-utils\"");
    }

    @Test
    void installAddsToTheManifestLocksAndLinksAndRemoveTakesItAway() {
        publish("b-lib", "1.0.0", "");
        publish("a-lib", "1.2.0", "\"b-lib\": \"^1.0.0\"");
        hype.write("main.lua", "print(require('a-lib').version, require('b-lib').version)\n");

        Result install = hype.run("pkg", "install", "a-lib").assertSuccess();

        assertThat(install.stdout()).contains("+ a-lib").contains("+ b-lib").contains("added 2, removed 0, changed 0");
        assertThat(hype.read("hype.json")).contains("\"a-lib\": \"^1.2.0\"");
        assertThat(hype.read("hype-lock.json")).contains("\"lockfileVersion\": 1").contains("\"b-lib\"");
        assertThat(hype.run("main.lua").assertSuccess().stdout()).isEqualTo("1.2.0\t1.0.0\n");
        assertThat(hype.run("pkg", "list").assertSuccess().stdout()).isEqualTo("a-lib 1.2.0\nb-lib 1.0.0 (transitive)\n");
        assertThat(hype.run("pkg", "tree").assertSuccess().stdout())
                .isEqualTo("app@1.0.0\n└── a-lib@1.2.0\n    └── b-lib@1.0.0\n");
        assertThat(hype.run("pkg", "tree", "--invert", "b-lib").assertSuccess().stdout())
                .isEqualTo("app@1.0.0 > a-lib@1.2.0 > b-lib@1.0.0\n");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).contains("ok");

        Result remove = hype.run("pkg", "remove", "a-lib").assertSuccess();
        assertThat(remove.stdout()).contains("- a-lib").contains("- b-lib");
        assertThat(hype.read("hype.json")).doesNotContain("a-lib");
        assertThat(hype.directory().resolve("hype_modules/a-lib")).doesNotExist();
        Result notThere = hype.run("pkg", "remove", "a-lib").assertExit(1);
        assertThat(notThere.stderr()).contains("a-lib");
    }

    @Test
    void devExactAndProductionInstallsFollowTheManifestsSections() {
        publish("tool", "2.1.0", "");
        publish("lib", "1.0.0", "");

        hype.run("pkg", "install", "tool", "--dev", "--exact").assertSuccess();
        hype.run("pkg", "install", "lib").assertSuccess();

        assertThat(hype.read("hype.json")).contains("\"devDependencies\"").contains("\"tool\": \"2.1.0\"")
                .contains("\"lib\": \"^1.0.0\"");
        hype.delete("hype_modules");
        Result production = hype.run("pkg", "install", "--production", "--json").assertSuccess();
        assertThat(production.stdout()).contains("\"installed\" : 1");
        assertThat(hype.directory().resolve("hype_modules/lib")).isDirectory();
        assertThat(hype.directory().resolve("hype_modules/tool")).doesNotExist();
        assertThat(hype.run("pkg", "check").assertExit(1).stdout()).contains("tool");
    }

    @Test
    void frozenRefusesToChangeTheLockfile() {
        publish("lib", "1.0.0", "");
        publish("other", "1.0.0", "");
        hype.run("pkg", "install", "lib").assertSuccess();
        String lock = hype.read("hype-lock.json");

        hype.run("pkg", "install", "--frozen").assertSuccess();
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"lib\": \"^1.0.0\", \"other\": \"^1.0.0\"}}\n");
        Result frozen = hype.run("pkg", "install", "--frozen").assertExit(1);

        assertThat(frozen.stderr()).contains("other");
        assertThat(hype.read("hype-lock.json")).isEqualTo(lock);
        assertThat(hype.directory().resolve("hype_modules/other")).doesNotExist();
    }

    @Test
    void updateMovesWithinTheRangeAndLatestRewritesIt() {
        publish("lib", "1.0.0", "");
        hype.run("pkg", "install", "lib").assertSuccess();
        publish("lib", "1.3.0", "");
        publish("lib", "2.0.0", "");

        assertThat(hype.run("pkg", "update").assertSuccess().stdout()).contains("lib 1.0.0 -> 1.3.0");
        assertThat(hype.run("pkg", "update").assertSuccess().stdout()).contains("nothing to update");
        Result latest = hype.run("pkg", "update", "--latest").assertSuccess();
        assertThat(latest.stdout()).contains("lib 1.3.0 -> 2.0.0").contains("lib range -> ^2.0.0");
        assertThat(hype.read("hype.json")).contains("\"lib\": \"^2.0.0\"");
    }

    @Test
    void checkFindsAnInstalledFileThatWasChanged() throws IOException {
        publish("lib", "1.0.0", "");
        hype.run("pkg", "install", "lib").assertSuccess();
        Path installed = hype.directory().resolve("hype_modules/lib/index.lua");
        Files.delete(installed);
        Files.writeString(installed, "return 'tampered'\n");

        Result check = hype.run("pkg", "check").assertExit(1);

        assertThat(check.stdout()).contains("modified file").contains("index.lua");
    }

    @Test
    void keygenSignsAndTrustedKeysRequireTheSignature() throws IOException {
        Result keygen = hype.run("pkg", "keygen", "--name", "release").assertSuccess();
        assertThat(keygen.stdout()).contains("key id:");
        Path key = hype.hypeHome().resolve("keys/release.key");
        assertThat(key).exists();
        String publicKey = Files.readString(hype.hypeHome().resolve("keys/release.pub")).strip();
        hype.run("pkg", "keygen", "--name", "release").assertExit(1);

        publish("unsigned", "1.0.0", "");
        hype.cd("../signed");
        hype.write("hype.json", "{\"name\": \"signed\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");
        hype.run("pkg", "publish", "--sign", key.toString()).assertSuccess();
        hype.cd("../project");
        hype.write(".hyperc.json", "{\"trustedKeys\": {\"*\": [\"" + publicKey + "\"]}}\n");

        hype.run("pkg", "install", "signed").assertSuccess();
        Result refused = hype.run("pkg", "install", "unsigned").assertExit(1);
        assertThat(refused.stderr()).contains("unsigned@1.0.0 is not signed by a key trusted for it");
        assertThat(hype.read("hype.json")).doesNotContain("unsigned");
    }

    @Test
    void execRunsAnInstalledPackagesBinWithItsArguments() {
        registry.publish("{\"name\": \"greeter\", \"version\": \"1.0.0\", \"bin\": \"bin/greet.lua\"}\n",
                "bin/greet.lua", "print('hello ' .. table.concat(arg, ' '))\n");
        hype.run("pkg", "install", "greeter").assertSuccess();

        assertThat(hype.run("pkg", "exec", "greeter", "to", "you").assertSuccess().stdout()).isEqualTo("hello to you\n");
        assertThat(hype.directory().resolve("hype_modules/.bin/greeter")).exists();
        Result unknown = hype.run("pkg", "exec", "nope").assertExit(1);
        assertThat(unknown.stderr()).contains("greeter");
    }

    @Test
    void aFileRegistryWorksWithoutAServer() throws IOException {
        publish("lib", "1.0.0", "");
        registry.stop();
        Files.writeString(hype.hypeHome().resolve("config.json"), "{}\n");
        hype.write(".hyperc.json", "{\"registry\": \"file:../registry\"}\n");

        hype.run("pkg", "install", "lib").assertSuccess();

        assertThat(hype.directory().resolve("hype_modules/lib/index.lua")).exists();
    }
}
