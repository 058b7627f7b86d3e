package dev.hype.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drive the real npm CLI against the server: publish, view, dist-tag, search, install. */
class NpmClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path work;

    private TestRegistry registry;
    private Path npm;
    private Path userconfig;

    private record Result(int exitCode, String output) {
    }

    @BeforeEach
    void start() throws IOException {
        Optional<Path> found = findOnPath("npm");
        Assumptions.assumeTrue(found.isPresent(), "npm is not on PATH; skipping the real-npm-client test");
        npm = found.get();
        registry = TestRegistry.start();
        userconfig = work.resolve("npmrc");
        Files.writeString(userconfig, registry.npmrc());
    }

    @AfterEach
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
            .map(dir -> Path.of(dir, command))
            .filter(Files::isExecutable)
            .findFirst();
    }

    private Result npm(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(npm.toString()));
        command.addAll(List.of(arguments));
        command.addAll(List.of("--registry", registry.url() + "/", "--userconfig", userconfig.toString(),
            "--cache", work.resolve("npm-cache").toString(), "--no-audit", "--no-fund", "--no-update-notifier"));
        Path log = Files.createTempFile(work, "npm", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", work.toString());
        builder.environment().put("npm_config_loglevel", "warn");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("npm " + String.join(" ", arguments) + " timed out:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private Path project(String name, String version) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name + "-" + version));
        String manifest = "{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"description\":\"Made by npm\","
            + "\"main\":\"index.js\",\"keywords\":[\"hype\",\"demo\"],\"license\":\"MIT\"}";
        Files.writeString(dir.resolve("package.json"), manifest);
        Files.writeString(dir.resolve("hype.json"), manifest);
        Files.writeString(dir.resolve("index.js"), "module.exports = '" + version + "';\n");
        Files.writeString(dir.resolve("README.md"), "# " + name + "\n");
        return dir;
    }

    @Test
    void publishViewTagSearchAndInstallWithTheRealNpmClient() throws IOException, InterruptedException {
        Result whoami = npm(work, "whoami");
        assertThat(whoami.exitCode()).as(whoami.output()).isZero();
        assertThat(whoami.output()).contains(TestRegistry.USER);

        Result first = npm(project("hype-npm-demo", "1.0.0"), "publish");
        assertThat(first.exitCode()).as(first.output()).isZero();
        Result second = npm(project("hype-npm-demo", "1.1.0"), "publish");
        assertThat(second.exitCode()).as(second.output()).isZero();

        Result republish = npm(project("hype-npm-demo", "1.1.0"), "publish");
        assertThat(republish.exitCode()).as(republish.output()).isNotZero();
        // npm itself checks the packument first; either way the version stays as it was
        assertThat(republish.output()).contains("previously published version");

        Result view = npm(work, "view", "hype-npm-demo", "versions", "--json");
        assertThat(view.exitCode()).as(view.output()).isZero();
        JsonNode versions = JSON.readTree(view.output());
        assertThat(versions.toString()).isEqualTo("[\"1.0.0\",\"1.1.0\"]");

        Result tag = npm(work, "dist-tag", "add", "hype-npm-demo@1.0.0", "stable");
        assertThat(tag.exitCode()).as(tag.output()).isZero();
        Result tags = npm(work, "view", "hype-npm-demo", "dist-tags", "--json");
        assertThat(JSON.readTree(tags.output()).path("stable").asText()).as(tags.output()).isEqualTo("1.0.0");

        Result search = npm(work, "search", "hype-npm", "--json");
        assertThat(search.exitCode()).as(search.output()).isZero();
        assertThat(JSON.readTree(search.output()).get(0).path("name").asText()).isEqualTo("hype-npm-demo");

        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        Result install = npm(consumer, "install", "hype-npm-demo");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(consumer.resolve("node_modules/hype-npm-demo/index.js"))).contains("1.1.0");
        assertThat(consumer.resolve("node_modules/hype-npm-demo/hype.json")).isRegularFile();
        JsonNode lock = JSON.readTree(consumer.resolve("package-lock.json").toFile());
        JsonNode locked = lock.path("packages").path("node_modules/hype-npm-demo");
        assertThat(locked.path("resolved").asText()).isEqualTo(registry.url() + "/hype-npm-demo/-/hype-npm-demo-1.1.0.tgz");
        assertThat(locked.path("integrity").asText()).startsWith("sha512-");

        Result pinned = npm(consumer, "install", "hype-npm-demo@stable");
        assertThat(pinned.exitCode()).as(pinned.output()).isZero();
        assertThat(Files.readString(consumer.resolve("node_modules/hype-npm-demo/index.js"))).contains("1.0.0");

        Result unpublish = npm(work, "unpublish", "hype-npm-demo@1.1.0");
        assertThat(unpublish.exitCode()).as(unpublish.output()).isZero();
        Result remaining = npm(work, "view", "hype-npm-demo", "versions", "--json");
        assertThat(JSON.readTree(remaining.output()).toString()).as(remaining.output()).isIn("[\"1.0.0\"]", "\"1.0.0\"");
        Result republishUnpublished = npm(project("hype-npm-demo", "1.1.0"), "publish");
        assertThat(republishUnpublished.exitCode()).as(republishUnpublished.output()).isNotZero();
        assertThat(republishUnpublished.output()).contains("409").contains("previously published version 1.1.0");

        Result deprecate = npm(work, "deprecate", "hype-npm-demo@1.0.0", "use 1.1.0");
        assertThat(deprecate.exitCode()).as(deprecate.output()).isZero();
        Result deprecated = npm(work, "view", "hype-npm-demo@1.0.0", "deprecated");
        assertThat(deprecated.output()).contains("use 1.1.0");
    }

    @Test
    void installTarballsMadeByTheHypePackerWithTheRealNpmClient() throws IOException, InterruptedException {
        var published = PackageFixture.of("hype-packed", "2.0.0")
            .file("package.json", "{\"name\":\"hype-packed\",\"version\":\"2.0.0\",\"main\":\"lib/index.js\"}")
            .file("lib/index.js", "module.exports = 'packed by hype';\n")
            .file("bin/tool", "#!/bin/sh\necho hi\n")
            .publish(registry);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        Result install = npm(consumer, "install", "hype-packed@2.0.0");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(Files.readString(consumer.resolve("node_modules/hype-packed/lib/index.js"))).contains("packed by hype");
        assertThat(consumer.resolve("node_modules/hype-packed/hype.json")).isRegularFile();
    }

    @Test
    void installAHypePackageWhoseDependenciesUseTheObjectFormWithTheRealNpmClient()
            throws IOException, InterruptedException {
        assertThat(PackageFixture.of("hype-log", "1.2.0").json("features", "{\"json\": []}")
            .file("package.json", "{\"name\":\"hype-log\",\"version\":\"1.2.0\"}").publish(registry).statusCode())
            .isEqualTo(201);
        var published = PackageFixture.of("hype-web", "1.0.0")
            .json("dependencies", "{\"hype-log\":{\"version\":\"^1.0.0\",\"features\":[\"json\"]}}")
            .file("package.json", "{\"name\":\"hype-web\",\"version\":\"1.0.0\",\"dependencies\":{\"hype-log\":\"^1.0.0\"}}")
            .publish(registry);
        assertThat(published.statusCode()).as(published.body()).isEqualTo(201);

        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        Result install = npm(consumer, "install", "hype-web@1.0.0");

        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(consumer.resolve("node_modules/hype-log/hype.json")).isRegularFile();
        Result view = npm(work, "view", "hype-web@1.0.0", "dependencies", "--json");
        assertThat(JSON.readTree(view.output()).path("hype-log").asText()).isEqualTo("^1.0.0");
    }

    @Test
    void useAPrivateRegistryOnlyWithAToken() throws IOException, InterruptedException {
        registry.close();
        registry = TestRegistry.start(config -> config.withPrivateMode(true));
        Files.writeString(userconfig, registry.npmrc());
        Result publish = npm(project("hype-private", "1.0.0"), "publish");
        assertThat(publish.exitCode()).as(publish.output()).isZero();

        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        Result install = npm(consumer, "install", "hype-private");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(consumer.resolve("node_modules/hype-private/index.js")).isRegularFile();

        Files.writeString(userconfig, "registry=" + registry.url() + "/\n");
        Result anonymous = npm(work, "view", "hype-private", "versions", "--json");
        assertThat(anonymous.exitCode()).isNotZero();
        assertThat(anonymous.output()).contains("401");
    }

    @Test
    void publishScopedPackagesWithTheRealNpmClient() throws IOException, InterruptedException {
        Result publish = npm(project("@team/npm-scoped", "0.1.0"), "publish", "--access", "public");
        assertThat(publish.exitCode()).as(publish.output()).isZero();

        Path consumer = Files.createDirectories(work.resolve("consumer"));
        Files.writeString(consumer.resolve("package.json"), "{\"name\":\"consumer\",\"version\":\"1.0.0\",\"private\":true}");
        Result install = npm(consumer, "install", "@team/npm-scoped");
        assertThat(install.exitCode()).as(install.output()).isZero();
        assertThat(consumer.resolve("node_modules/@team/npm-scoped/index.js")).isRegularFile();
    }

    @Test
    void manageOwnersAndScopeMembersWithTheRealNpmClient() throws IOException, InterruptedException {
        registry.tokenFor("bob");
        assertThat(npm(project("hype-owned", "1.0.0"), "publish").exitCode()).isZero();
        assertThat(npm(work, "owner", "ls", "hype-owned").output()).contains(TestRegistry.USER);

        Result add = npm(work, "owner", "add", "bob", "hype-owned");
        assertThat(add.exitCode()).as(add.output()).isZero();
        assertThat(npm(work, "owner", "ls", "hype-owned").output()).contains("bob").contains(TestRegistry.USER);
        Result rm = npm(work, "owner", "rm", "bob", "hype-owned");
        assertThat(rm.exitCode()).as(rm.output()).isZero();
        assertThat(npm(work, "owner", "ls", "hype-owned").output()).doesNotContain("bob");

        assertThat(npm(project("@crew/first", "1.0.0"), "publish", "--access", "public").exitCode()).isZero();
        Result set = npm(work, "org", "set", "crew", "bob", "developer");
        assertThat(set.exitCode()).as(set.output()).isZero();
        Result ls = npm(work, "org", "ls", "crew", "--json");
        assertThat(ls.exitCode()).as(ls.output()).isZero();
        assertThat(JSON.readTree(ls.output().substring(ls.output().indexOf('{'))).path("bob").asText()).isEqualTo("developer");
    }
}
