package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package commands against a real {@code hype registry serve}: publish, info, search, install,
 * remove, update, list, tree, check, keygen and signatures, exec (README's command table,
 * docs/packages.md, docs/registry.md).
 */
class RegistryPackagesTest {
    /** One registry for the whole class (starting one is a JVM); each test uses its own package names. */
    @TempDir
    static Path shared;
    private static ServedRegistry registry;
    private static String token;
    private static final AtomicInteger TESTS = new AtomicInteger();

    @TempDir
    Path temp;

    private Hype hype;
    private String prefix;

    @BeforeAll
    static void startRegistry() {
        registry = ServedRegistry.start(Hype.in(shared), shared.resolve("registry"));
        token = registry.token("alice");
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void createProject() throws IOException {
        hype = Hype.in(temp);
        hype.env("HYPE_TOKEN", token);
        Files.writeString(hype.hypeHome().resolve("config.json"), "{\"registry\": \"" + registry.url() + "\"}\n");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
        prefix = "t" + TESTS.incrementAndGet() + "-";
    }

    /** Return this test's name for package {@code base}, so tests sharing the registry never meet. */
    private String n(String base) {
        return prefix + base;
    }

    private void publish(String name, String version, String dependencies) {
        registry.publish("{\"name\": \"" + name + "\", \"version\": \"" + version + "\", \"description\": \"the " + name
                        + " library\", \"dependencies\": {" + dependencies + "}}\n",
                "index.lua", "return { name = '" + name + "', version = '" + version + "' }\n");
    }

    @Test
    void publishPrintsTheVersionAndTheRegistryRefusesToPublishItTwice() {
        String app = n("app");
        hype.write("hype.json", "{\"name\": \"" + app + "\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");

        Result dry = hype.run("pkg", "publish", "--dry-run").assertSuccess();
        assertThat(dry.stdout()).contains("+ " + app + "@1.0.0 (dry run");
        hype.run("pkg", "info", app).assertExit(1);

        assertThat(hype.run("pkg", "publish").assertSuccess().stdout()).isEqualTo("+ " + app + "@1.0.0\n");
        Result again = hype.run("pkg", "publish").assertExit(1);
        assertThat(again.stderr()).contains(app + "@1.0.0 is already published").contains("bump \"version\"");

        hype.write("hype.json", "{\"name\": \"" + app + "\", \"version\": \"1.1.0-beta.1\"}\n");
        hype.run("pkg", "publish", "--tag", "beta").assertSuccess();
        Result info = hype.run("pkg", "info", app).assertSuccess();
        assertThat(info.stdout()).contains("latest: 1.0.0").contains("beta: 1.1.0-beta.1");
        assertThat(hype.run("pkg", "info", app, "--json").assertSuccess().stdout()).contains("\"dist-tags\"");
    }

    @Test
    void publishRefusesUncommittedChangesInAGitWorkTreeUnlessForced() {
        String app = n("tracked");
        hype.write("hype.json", "{\"name\": \"" + app + "\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");
        hype.shell("git init -q . && git add -A && git -c user.name=t -c user.email=t@example.com commit -q -m init")
                .assertSuccess();
        hype.write("index.lua", "return 2\n");

        Result refused = hype.run("pkg", "publish").assertExit(1);
        assertThat(refused.stderr()).contains("index.lua");
        assertThat(hype.run("pkg", "publish", "--tag", "1.0.0").assertExit(1).stderr()).contains("cannot be a dist-tag");

        assertThat(hype.run("pkg", "publish", "--force").assertSuccess().stdout()).isEqualTo("+ " + app + "@1.0.0\n");
    }

    @Test
    void infoWithARangeAndSearchFindPublishedVersions() {
        String utils = n("text-utils");
        publish(utils, "1.0.0", "");
        publish(utils, "1.4.0", "");
        publish(utils, "2.0.0", "");

        assertThat(hype.run("pkg", "info", utils + "@^1.0.0").assertSuccess().stdout()).isEqualTo("1.0.0\n1.4.0\n");
        Result search = hype.run("pkg", "search", utils).assertSuccess();
        assertThat(search.stdout()).contains(utils).contains("2.0.0").contains("the " + utils + " library");
        assertThat(hype.run("pkg", "search", utils, "--json").assertSuccess().stdout()).contains("\"" + utils + "\"");
    }

    @Test
    void installAddsToTheManifestLocksAndLinksAndRemoveTakesItAway() {
        String a = n("a-lib");
        String b = n("b-lib");
        publish(b, "1.0.0", "");
        publish(a, "1.2.0", "\"" + b + "\": \"^1.0.0\"");
        hype.write("main.lua", "print(require('" + a + "').version, require('" + b + "').version)\n");

        Result install = hype.run("pkg", "install", a).assertSuccess();

        assertThat(install.stdout()).contains("+ " + a).contains("+ " + b).contains("added 2, removed 0, changed 0");
        assertThat(hype.read("hype.json")).contains("\"" + a + "\": \"^1.2.0\"");
        assertThat(hype.read("hype-lock.json")).contains("\"lockfileVersion\": 1").contains("\"" + b + "\"");
        assertThat(hype.run("main.lua").assertSuccess().stdout()).isEqualTo("1.2.0\t1.0.0\n");
        assertThat(hype.run("pkg", "list").assertSuccess().stdout())
                .isEqualTo(a + " 1.2.0\n" + b + " 1.0.0 (transitive)\n");
        assertThat(hype.run("pkg", "tree").assertSuccess().stdout())
                .isEqualTo("app@1.0.0\n└── " + a + "@1.2.0\n    └── " + b + "@1.0.0\n");
        assertThat(hype.run("pkg", "tree", "--invert", b).assertSuccess().stdout())
                .isEqualTo("app@1.0.0 > " + a + "@1.2.0 > " + b + "@1.0.0\n");
        assertThat(hype.run("pkg", "check").assertSuccess().stdout()).contains("ok");

        Result remove = hype.run("pkg", "remove", a).assertSuccess();
        assertThat(remove.stdout()).contains("- " + a).contains("- " + b);
        assertThat(hype.read("hype.json")).doesNotContain(a);
        assertThat(hype.directory().resolve("hype_modules/" + a)).doesNotExist();
        Result notThere = hype.run("pkg", "remove", a).assertExit(1);
        assertThat(notThere.stderr()).contains(a);
    }

    @Test
    void devExactAndProductionInstallsFollowTheManifestsSections() {
        String tool = n("tool");
        String lib = n("lib");
        publish(tool, "2.1.0", "");
        publish(lib, "1.0.0", "");

        hype.run("pkg", "install", tool, "--dev", "--exact").assertSuccess();
        hype.run("pkg", "install", lib).assertSuccess();

        assertThat(hype.read("hype.json")).contains("\"devDependencies\"").contains("\"" + tool + "\": \"2.1.0\"")
                .contains("\"" + lib + "\": \"^1.0.0\"");
        hype.delete("hype_modules");
        Result production = hype.run("pkg", "install", "--production", "--json").assertSuccess();
        assertThat(production.stdout()).contains("\"installed\" : 1");
        assertThat(hype.directory().resolve("hype_modules/" + lib)).isDirectory();
        assertThat(hype.directory().resolve("hype_modules/" + tool)).doesNotExist();
        assertThat(hype.run("pkg", "check").assertExit(1).stdout()).contains(tool);
    }

    @Test
    void frozenRefusesToChangeTheLockfile() {
        String lib = n("lib");
        String other = n("other");
        publish(lib, "1.0.0", "");
        publish(other, "1.0.0", "");
        hype.run("pkg", "install", lib).assertSuccess();
        String lock = hype.read("hype-lock.json");

        hype.run("pkg", "install", "--frozen").assertSuccess();
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"" + lib
                + "\": \"^1.0.0\", \"" + other + "\": \"^1.0.0\"}}\n");
        Result frozen = hype.run("pkg", "install", "--frozen").assertExit(1);

        assertThat(frozen.stderr()).contains(other);
        assertThat(hype.read("hype-lock.json")).isEqualTo(lock);
        assertThat(hype.directory().resolve("hype_modules/" + other)).doesNotExist();
    }

    @Test
    void updateMovesWithinTheRangeAndLatestRewritesIt() {
        String lib = n("lib");
        publish(lib, "1.0.0", "");
        hype.run("pkg", "install", lib).assertSuccess();
        publish(lib, "1.3.0", "");
        publish(lib, "2.0.0", "");

        assertThat(hype.run("pkg", "update").assertSuccess().stdout()).contains(lib + " 1.0.0 -> 1.3.0");
        assertThat(hype.run("pkg", "update").assertSuccess().stdout()).contains("nothing to update");
        Result latest = hype.run("pkg", "update", "--latest").assertSuccess();
        assertThat(latest.stdout()).contains(lib + " 1.3.0 -> 2.0.0").contains(lib + " range -> ^2.0.0");
        assertThat(hype.read("hype.json")).contains("\"" + lib + "\": \"^2.0.0\"");
    }

    @Test
    void checkFindsAnInstalledFileThatWasChanged() throws IOException {
        String lib = n("lib");
        publish(lib, "1.0.0", "");
        hype.run("pkg", "install", lib).assertSuccess();
        Path installed = hype.directory().resolve("hype_modules/" + lib + "/index.lua");
        Files.delete(installed);
        Files.writeString(installed, "return 'tampered'\n");

        Result check = hype.run("pkg", "check").assertExit(1);

        assertThat(check.stdout()).contains("modified file").contains("index.lua");
    }

    @Test
    void keygenSignsAndTrustedKeysRequireTheSignature() throws IOException {
        String signed = n("signed");
        String unsigned = n("unsigned");
        Result keygen = hype.run("pkg", "keygen", "--name", "release").assertSuccess();
        assertThat(keygen.stdout()).contains("key id:");
        Path key = hype.hypeHome().resolve("keys/release.key");
        assertThat(key).exists();
        String publicKey = Files.readString(hype.hypeHome().resolve("keys/release.pub")).strip();
        hype.run("pkg", "keygen", "--name", "release").assertExit(1);

        publish(unsigned, "1.0.0", "");
        hype.cd("../signed");
        hype.write("hype.json", "{\"name\": \"" + signed + "\", \"version\": \"1.0.0\"}\n");
        hype.write("index.lua", "return 1\n");
        hype.run("pkg", "publish", "--sign", key.toString()).assertSuccess();
        hype.cd("../project");
        hype.write(".hyperc.json", "{\"trustedKeys\": {\"*\": [\"" + publicKey + "\"]}}\n");

        hype.run("pkg", "install", signed).assertSuccess();
        Result refused = hype.run("pkg", "install", unsigned).assertExit(1);
        assertThat(refused.stderr()).contains(unsigned + "@1.0.0 is not signed by a key trusted for it");
        assertThat(hype.read("hype.json")).doesNotContain(unsigned);
    }

    @Test
    void execRunsAnInstalledPackagesBinWithItsArguments() {
        String greeter = n("greeter");
        registry.publish("{\"name\": \"" + greeter + "\", \"version\": \"1.0.0\", \"bin\": \"bin/greet.lua\"}\n",
                "bin/greet.lua", "print('hello ' .. table.concat(arg, ' '))\n");
        hype.run("pkg", "install", greeter).assertSuccess();

        assertThat(hype.run("pkg", "exec", greeter, "to", "you").assertSuccess().stdout()).isEqualTo("hello to you\n");
        assertThat(hype.directory().resolve("hype_modules/.bin/" + greeter)).exists();
        Result unknown = hype.run("pkg", "exec", "nope").assertExit(1);
        assertThat(unknown.stderr()).contains(greeter);
    }

    @Test
    void theServersStorageWorksAsAFileRegistry() throws IOException {
        String lib = n("lib");
        publish(lib, "1.0.0", "");
        Files.writeString(hype.hypeHome().resolve("config.json"), "{}\n");
        hype.write(".hyperc.json", "{\"registry\": \"file:" + registry.storage() + "\"}\n");

        hype.run("pkg", "install", lib).assertSuccess();

        assertThat(hype.directory().resolve("hype_modules/" + lib + "/index.lua")).exists();
    }
}
