package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Package commands against a served registry, as a user runs them: publish's tag rules, package arguments with
 * dist-tags, --offline, --frozen, --dry-run, installing without a hype.json, and the npm commands users reach for
 * (issue 13, items 4, 8 and 12).
 */
class PackageCommandsTest {
    @TempDir
    Path temp;

    private Hype hype;
    private ServedRegistry registry;

    @BeforeEach
    void start() {
        hype = Hype.in(temp);
        registry = ServedRegistry.start(hype, temp.resolve("registry"));
        hype.env("HYPE_TOKEN", registry.token("alice"));
        registryHere();
    }

    /** Point the project in the current folder at the test's registry (only a project root's .hyperc.json counts). */
    private void registryHere() {
        hype.write(".hyperc.json", "{\"registry\": \"" + registry.url() + "\"}\n");
    }

    /** Move to {@code dir} and make it a folder whose commands use the test's registry. */
    private void project(String dir) {
        hype.cd(dir);
        registryHere();
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    /** Publish {@code a-lib@version} from its own folder, with extra arguments such as {@code --tag next}. */
    private Result publish(String version, String... extra) {
        Path dir = hype.directory();
        project("src-" + version);
        hype.write("hype.json", "{\"name\": \"a-lib\", \"version\": \"" + version + "\", \"main\": \"index.lua\"}\n");
        hype.write("index.lua", "return '" + version + "'\n");
        String[] args = new String[2 + extra.length];
        args[0] = "pkg";
        args[1] = "publish";
        System.arraycopy(extra, 0, args, 2, extra.length);
        Result result = hype.run(args);
        hype.cd(dir.toString());
        return result;
    }

    private String tags() {
        return hype.run("pkg", "dist-tag", "ls", "a-lib").assertSuccess().stdout();
    }

    /** Return every file under {@code dir} with its size and modification time. */
    private static Map<String, String> state(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "dir"
                        : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }

    @Test
    void publishLeavesLatestAloneForPrereleasesAndBackportsAndUpdateNeverDowngrades() {
        publish("1.0.0").assertSuccess();
        publish("2.0.0").assertSuccess();
        Result backport = publish("1.0.1").assertExit(1);
        assertThat(backport.stderr()).contains("cannot point 'latest' at a-lib@1.0.1").contains("--tag");
        Result beta = publish("3.0.0-beta.1").assertExit(1);
        assertThat(beta.stderr()).contains("a prerelease (a-lib@3.0.0-beta.1) needs a tag given with --tag");
        publish("1.0.1", "--tag", "v1").assertSuccess();
        publish("3.0.0-beta.1", "--tag", "next").assertSuccess();
        assertThat(tags()).isEqualTo("latest: 2.0.0\nv1: 1.0.1\nnext: 3.0.0-beta.1\n");

        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^2.0.0\"}}\n");
        hype.run("pkg", "install").assertSuccess();
        hype.run("pkg", "dist-tag", "add", "a-lib@1.0.1", "latest").assertSuccess();
        Result update = hype.run("pkg", "update", "--latest").assertSuccess();
        assertThat(update.stdout()).contains("a-lib stays: its 'latest' tag names 1.0.1");
        assertThat(hype.read("hype.json")).contains("\"a-lib\": \"^2.0.0\"");
        assertThat(hype.read("hype-lock.json")).contains("\"version\": \"2.0.0\"");
    }

    @Test
    void packageArgumentsTakeDistTagsAndAreBlamedForTheirOwnMistakes() {
        publish("1.0.0").assertSuccess();
        publish("2.0.0-rc.1", "--tag", "next").assertSuccess();
        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");

        hype.run("pkg", "install", "a-lib@latest").assertSuccess();
        assertThat(hype.read("hype.json")).contains("\"a-lib\": \"^1.0.0\"");
        hype.run("pkg", "add", "a-lib@next").assertSuccess();
        assertThat(hype.read("hype.json")).contains("\"a-lib\": \"^2.0.0-rc.1\"");

        String manifest = hype.read("hype.json");
        Result empty = hype.run("pkg", "install", "a-lib@").assertExit(1);
        assertThat(empty.stderr()).contains("invalid package argument 'a-lib@': nothing follows the '@'");
        Result range = hype.run("pkg", "install", "a-lib@^^1!").assertExit(1);
        assertThat(range.stderr()).contains("'^^1!' is neither a version range nor a dist-tag")
                .doesNotContain("hype.json:1:1");
        Result tag = hype.run("pkg", "install", "a-lib@beta").assertExit(1);
        assertThat(tag.stderr()).contains("a-lib has no dist-tag 'beta'").contains("latest, next");
        Result unknown = hype.run("pkg", "install", "no-such-lib").assertExit(1);
        assertThat(unknown.stderr()).contains("package no-such-lib (from the argument 'no-such-lib') is not in the registry")
                .doesNotContain("loosen");
        assertThat(hype.read("hype.json")).isEqualTo(manifest);
    }

    @Test
    void installWithoutAManifestCreatesOneAndSaysSo() {
        publish("1.0.0").assertSuccess();
        project("fresh");
        Result result = hype.run("pkg", "install", "a-lib").assertSuccess();
        assertThat(result.stdout()).contains("created " + hype.directory().resolve("hype.json"))
                .contains("+ a-lib 1.0.0");
        assertThat(hype.read("hype.json")).contains("\"name\": \"fresh\"").contains("\"a-lib\": \"^1.0.0\"");
    }

    @Test
    void offlineNeverAsksTheRegistryAndFrozenFailsBeforeTheNetwork() throws IOException {
        publish("1.0.0").assertSuccess();
        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install").assertSuccess();
        registry.stop();
        deleteTree(hype.directory().resolve("hype_modules"));

        Result offline = hype.run("pkg", "install", "--offline").assertSuccess();
        assertThat(offline.stdout()).contains("+ a-lib");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\", \"b-lib\": \"*\"}}\n");
        Result missing = hype.run("pkg", "install", "--offline").assertExit(1);
        assertThat(missing.stderr()).contains("--offline").contains("the package document of b-lib is not in the cache")
                .doesNotContain("cannot reach").doesNotContain("attempts");
        Result frozen = hype.run("pkg", "install", "--frozen").assertExit(1);
        assertThat(frozen.stderr()).contains("--frozen: hype-lock.json does not match hype.json")
                .contains("b-lib is required by app but not locked").doesNotContain("cannot reach");
    }

    @Test
    void updateAndRemoveWorkOfflineFromTheCacheAndTheStore() throws IOException {
        publish("1.0.0").assertSuccess();
        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install").assertSuccess();
        registry.stop();

        Result update = hype.run("pkg", "update", "--offline").assertSuccess();
        assertThat(update.stdout()).contains("nothing to update");
        assertThat(update.stderr()).doesNotContain("cannot reach");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\", \"b-lib\": \"*\"}}\n");
        Result missing = hype.run("pkg", "update", "--offline").assertExit(1);
        assertThat(missing.stderr()).contains("--offline").contains("the package document of b-lib is not in the cache")
                .doesNotContain("attempts");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"^1.0.0\"}}\n");

        Result remove = hype.run("pkg", "remove", "a-lib", "--offline").assertSuccess();
        assertThat(remove.stdout()).contains("- a-lib");
        assertThat(hype.directory().resolve("hype_modules/a-lib")).doesNotExist();
        assertThat(hype.read("hype.json")).doesNotContain("a-lib");
    }

    @Test
    void dryRunsPrintThePlanAndChangeNothing() throws IOException {
        publish("1.0.0").assertSuccess();
        publish("1.1.0").assertSuccess();
        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"dependencies\": {\"a-lib\": \"~1.0.0\"}}\n");
        hype.run("pkg", "install").assertSuccess();
        Map<String, String> project = state(hype.directory());
        Map<String, String> store = state(hype.hypeHome().resolve("store"));

        Result install = hype.run("pkg", "install", "a-lib@1.1.0", "--dry-run").assertSuccess();
        assertThat(install.stdout()).contains("~ a-lib 1.0.0 -> 1.1.0").contains("dry run: would add 0, remove 0, change 1");
        Result update = hype.run("pkg", "update", "--latest", "--dry-run").assertSuccess();
        assertThat(update.stdout()).contains("would move a-lib 1.0.0 -> 1.1.0").contains("nothing was changed");
        Result remove = hype.run("pkg", "remove", "a-lib", "--dry-run", "--json").assertSuccess();
        assertThat(remove.stdout()).contains("\"dryRun\" : true").contains("\"removed\" : [ \"a-lib\" ]");

        assertThat(state(hype.directory())).isEqualTo(project);
        assertThat(state(hype.hypeHome().resolve("store"))).isEqualTo(store);
    }

    @Test
    void npmCommandsForPublishersAndProjects() {
        publish("1.0.0").assertSuccess();
        publish("1.1.0").assertSuccess();
        hype.run("pkg", "deprecate", "a-lib@1.0.0", "use 1.1").assertSuccess();
        assertThat(hype.run("pkg", "info", "a-lib@1.0.0", "--json").assertSuccess().stdout())
                .contains("\"deprecated\" : \"use 1.1\"");
        hype.run("pkg", "unpublish", "a-lib@1.1.0").assertSuccess();
        assertThat(tags()).isEqualTo("latest: 1.0.0\n");
        assertThat(hype.run("pkg", "whoami").assertSuccess().stdout()).isEqualTo("alice\n");

        project("app");
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", \"private\": true}\n");
        hype.run("pkg", "install", "a-lib").assertSuccess();
        Result privately = hype.run("pkg", "publish").assertExit(1);
        assertThat(privately.stderr()).contains("app is marked private");
        hype.cd("..");
        publish("2.0.0").assertSuccess();
        project("app");
        Result outdated = hype.run("pkg", "outdated").assertExit(1);
        assertThat(outdated.stdout()).contains("a-lib    1.0.0    1.0.0   2.0.0");
        hype.run("pkg", "ci").assertSuccess();
        assertThat(hype.run("pkg", "list", "--json").assertSuccess().stdout()).contains("\"name\" : \"a-lib\"");
    }

    @Test
    void loginWhoamiTokensAndLogoutAgainstARegistryThatAllowsSignUp() {
        try (Conversation server = Conversation.start(hype, "registry", "serve", "--port", "0", "--storage",
                temp.resolve("accounts").toString(), "--quiet", "--allow-signup")) {
            server.await("hype registry listening on ");
            String line = server.output().lines().filter(l -> l.contains("listening on ")).findFirst().orElseThrow();
            String url = line.substring(line.indexOf("http"), line.indexOf(' ', line.indexOf("http")));
            hype.env("HYPE_TOKEN", null);

            Result login = hype.runWithInput("bob\nhunter2\n", "pkg", "login", "--registry", url).assertSuccess();
            assertThat(login.stdout()).startsWith("logged in as bob on ");
            assertThat(hype.run("pkg", "whoami", "--registry", url).assertSuccess().stdout()).isEqualTo("bob\n");
            assertThat(hype.runWithInput("hunter2\n", "pkg", "token", "create", "--registry", url).assertSuccess()
                    .stdout()).startsWith("hype_");
            assertThat(hype.runWithInput("hunter2\n", "pkg", "token", "create", "--read-only", "--cidr", "127.0.0.1",
                    "--registry", url).assertSuccess().stdout()).startsWith("hype_");
            List<String> tokens = hype.run("pkg", "token", "list", "--registry", url).assertSuccess().stdout().lines()
                    .toList();
            assertThat(tokens).hasSize(3);
            assertThat(tokens).filteredOn(t -> t.endsWith("  read-only  from 127.0.0.1")).hasSize(1);
            hype.run("pkg", "logout", "--registry", url).assertSuccess();
            assertThat(hype.run("pkg", "whoami", "--registry", url).assertExit(1).stderr()).contains("HTTP 401");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
