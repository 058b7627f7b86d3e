package dev.hype.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up caches (issue 17): the build trains both, the launcher runs each path with its
 * own, and a training that fails is reported once with its reason and retried by the next build.
 * Checked through files and the JVM's class-loading log, never through times.
 */
class AotCacheTest {
    private static final String FROM_CACHE = " source: shared objects file";
    /** How the class-loading log names a proxy class the JDK generated, as it does for each annotation type read. */
    private static final String DYNAMIC_PROXY = " source: __dynamic_proxy__";
    /** A class the commands cache holds (its training serves a registry) and the project cache does not. */
    private static final String REGISTRY_SERVER = "dev.hype.registry.server.HttpRegistryServer";
    /** Classes the project cache's training leaves to the child run that lays its projects out. */
    private static final String[] NOT_IN_THE_PROJECT_CACHE = {"dev.hype.pm.pack.Packer source",
        "dev.hype.pm.install.Installer source", "jdk.internal.net.http.HttpClientImpl source", REGISTRY_SERVER};

    @TempDir
    Path temp;

    private static Path dist() {
        return DistributionCopy.dist();
    }

    @Test
    void theBuildLeavesEachCacheAndNoFailure() {
        for (String cache : List.of("script.aot", "project.aot", "install.aot", "commands.aot")) {
            assertThat(dist().resolve(cache)).as(cache).isNotEmptyFile();
            assertThat(dist().resolve(cache + ".failed")).as(cache + ".failed").doesNotExist();
        }
    }

    @Test
    void scriptsStartFromTheScriptCacheAndCommandsFromTheCommandsCache() throws IOException {
        // The coverage agent runs the launcher without its cache: these runs must have the cache.
        Hype hype = Hype.in(temp).env("HYPE_JAVAAGENT", null);
        hype.write("hello.lua", "print('hello')\n");

        String script = classLoads(hype, "script.txt", "hello.lua");
        assertThat(script).contains("dev.hype.runtime.engine.LuaRuntime" + FROM_CACHE)
                .doesNotContain("picocli.");

        String commands = classLoads(hype, "commands.txt", "pkg", "--help");
        assertThat(commands).contains("picocli.CommandLine" + FROM_CACHE)
                .contains("dev.hype.cli.CommandTree" + FROM_CACHE)
                .contains("dev.hype.cli.commands.CommandModels" + FROM_CACHE)
                .contains(REGISTRY_SERVER + FROM_CACHE);

        // A bare --version is printed without picocli, from the script cache.
        String version = classLoads(hype, "version.txt", "--version");
        assertThat(version).contains("dev.hype.cli.VersionText" + FROM_CACHE)
                .contains("dev.hype.runtime.engine.LuaRuntime" + FROM_CACHE)
                .doesNotContain("picocli.");

        // The same run without a cache loads the same classes from the jars: the check above can fail.
        hype.env("HYPE_NO_AOT", "1");
        assertThat(classLoads(hype, "none.txt", "pkg", "--help")).doesNotContain("picocli.CommandLine" + FROM_CACHE)
                .contains("picocli.CommandLine source: file:");
    }

    @Test
    void theCacheIsMappedWhereItWasWrittenSoNoPointerInItIsPatchedAtStart() throws IOException {
        Hype hype = Hype.in(temp).env("HYPE_JAVAAGENT", null);
        hype.write("hello.lua", "print('hello')\n");
        Path log = temp.resolve("aot.txt");
        hype.env("JAVA_TOOL_OPTIONS", "-Xlog:aot=info:file=" + log);
        hype.run("hello.lua").assertSuccess();
        assertThat(Files.readString(log)).contains("script.aot")
                .contains("ArchiveRelocationMode: 0")
                .doesNotContain("ArchiveRelocationMode == 1: always map archive(s) at an alternative address");
    }

    @Test
    void theCommandsWhoseStartUpCountsReadNoAnnotations() throws IOException {
        // An annotation read makes the JDK generate a proxy class for its type, which no cache holds.
        Hype hype = Hype.in(temp).env("HYPE_JAVAAGENT", null);
        hype.write("hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\"}\n");
        hype.run("pkg", "install", "--offline").assertSuccess();
        for (List<String> args : List.of(List.of("pkg", "list"), List.of("pkg", "check"), List.of("pkg", "ls", "--json"))) {
            String log = classLoads(hype, "annotations.txt", args.toArray(String[]::new));
            // From the project cache, which holds no registry: the commands cache would have preloaded its server.
            assertThat(log).as(args.toString()).contains("dev.hype.cli.commands.CommandModels" + FROM_CACHE)
                    .contains("dev.hype.pm.lock.LockfileReader" + FROM_CACHE)
                    .doesNotContain(NOT_IN_THE_PROJECT_CACHE).doesNotContain(DYNAMIC_PROXY);
        }
        // The check can fail: a command read from its annotations makes proxies.
        assertThat(classLoads(hype, "tree.txt", "pkg", "tree")).contains(DYNAMIC_PROXY);
    }

    @Test
    void aNoOpInstallStartsFromTheProjectCacheAndBuildsNoRegistryClient() throws IOException {
        Hype hype = Hype.in(temp).env("HYPE_JAVAAGENT", null);
        hype.write("dep/hype.json", "{\"name\": \"noop-dep\", \"version\": \"1.0.0\", \"license\": \"MIT\"}\n");
        hype.write("dep/index.lua", "return {}\n");
        hype.run("pkg", "publish", "-C", "dep", "--registry", "file:./registry").assertSuccess();
        // The registry comes from the project's configuration, which a no-op install does not read.
        hype.write("app/.hyperc.json", "{\"registry\": \"file:../registry\"}\n");
        hype.write("app/hype.json", "{\"name\": \"app\", \"version\": \"1.0.0\", "
                + "\"dependencies\": {\"noop-dep\": \"^1.0.0\"}}\n");
        hype.run("pkg", "install", "-C", "app").assertSuccess();
        assertThat(hype.directory().resolve("app/hype_modules/.hype-installed")).isNotEmptyFile();

        Path loads = temp.resolve("noop.txt");
        Path inits = temp.resolve("init.txt");
        hype.env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + loads + " -Xlog:class+init=info:file=" + inits);
        hype.run("pkg", "install", "-C", "app").assertSuccess();
        hype.env("JAVA_TOOL_OPTIONS", null);
        String noOp = Files.readString(loads);
        // From the project cache (no registry server preloaded), with no annotation proxy and no method handle
        // spun at run time (a record's generated equals or toString, a string concatenation); every class of
        // Hype's and picocli's from the cache.
        assertThat(noOp).contains("dev.hype.pm.install.TreeState" + FROM_CACHE)
                .contains("dev.hype.cli.commands.CommandModels" + FROM_CACHE)
                .doesNotContain(REGISTRY_SERVER).doesNotContain(DYNAMIC_PROXY)
                .doesNotContain("__JVM_LookupDefineClass__");
        assertThat(noOp.lines().filter(line -> line.contains(" dev.hype.") || line.contains(" picocli."))
                .filter(line -> !line.endsWith(FROM_CACHE))).isEmpty();
        // Nothing of the registry's side is initialized: no configuration read, no client, no ObjectMapper.
        assertThat(Files.readString(inits)).contains("dev/hype/pm/install/TreeState")
                .doesNotContain("dev/hype/pm/registry/RegistryConfigReader")
                .doesNotContain("dev/hype/pm/registry/RegistryPackageSource")
                .doesNotContain("com/fasterxml/jackson/databind/ObjectMapper");

        // The check can fail: an install with the lockfile but not the tree (warm) runs from the install cache,
        // which has the installer but not the registry's server or client; one naming a package from the commands'.
        Files.delete(hype.directory().resolve("app/hype_modules/.hype-installed"));
        assertThat(classLoads(hype, "warm.txt", "pkg", "install", "-C", "app"))
                .contains("dev.hype.pm.install.Installer" + FROM_CACHE).doesNotContain(REGISTRY_SERVER)
                .doesNotContain("jdk.internal.net.http.HttpClientImpl" + FROM_CACHE);
        assertThat(classLoads(hype, "add.txt", "pkg", "install", "-C", "app", "noop-dep@1"))
                .contains(REGISTRY_SERVER + FROM_CACHE);
    }

    @Test
    void pkgInfoAnswersAFreshCachedPackumentFromTheProjectCacheWithoutAskingTheRegistry() throws IOException {
        Hype hype = Hype.in(temp).env("HYPE_JAVAAGENT", null);
        String url;
        try (ServedRegistry registry = ServedRegistry.start(hype, temp.resolve("registry"))) {
            registry.publish("{\"name\": \"fresh-dep\", \"version\": \"1.0.0\", \"license\": \"MIT\"}");
            url = registry.url();
            hype.run("pkg", "info", "fresh-dep", "--registry", url).assertSuccess();
            registry.stop();
        }
        // The registry is gone: the answer can only come from the cache, which its Cache-Control says is fresh.
        String log = classLoads(hype, "info.txt", "pkg", "info", "fresh-dep", "--registry", url);
        assertThat(log).contains("dev.hype.cli.commands.InfoCommand" + FROM_CACHE)
                .contains("dev.hype.pm.registry.PackumentCache" + FROM_CACHE)
                .doesNotContain(NOT_IN_THE_PROJECT_CACHE).doesNotContain(DYNAMIC_PROXY);
        assertThat(hype.run("pkg", "info", "fresh-dep", "--registry", url).assertSuccess().stdout())
                .startsWith("fresh-dep@1.0.0 | MIT | versions: 1");
        // --prefer-online asks the registry anyway, and so fails now.
        Result online = hype.run("pkg", "info", "fresh-dep", "--registry", url, "--prefer-online");
        assertThat(online.exitCode()).as(online.describe()).isNotZero();
    }

    @Test
    void aFailedTrainingIsReportedOnceWithItsReasonAndTheNextBuildTrainsAgain() throws IOException {
        Path checkout = temp.resolve("checkout");
        Path launcher = DistributionCopy.make(checkout, false);
        Path copy = checkout.resolve("hype-cli/target/dist");
        Hype hype = Hype.in(temp.resolve("run")).env("HYPE_JAVAAGENT", null);

        // java.io.tmpdir naming a file: the project's, the installs' and the commands' trainings cannot make their
        // project.
        hype.env("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=" + launcher);
        Result failed = hype.runProgram(launcher.toString(), "--finish-build").assertSuccess();
        assertThat(failed.stderr().lines().filter(line -> line.contains("could not build the start-up cache")))
                .as(failed.describe()).hasSize(3);
        assertThat(failed.stderr()).contains("for the project path").contains("for the install path")
                .contains("for the commands path")
                .contains("cannot create");
        for (String cache : List.of("project.aot", "install.aot", "commands.aot")) {
            assertThat(copy.resolve(cache)).doesNotExist();
            assertThat(copy.resolve(cache + ".failed")).content().contains("cannot create");
        }
        assertThat(copy.resolve("script.aot")).isNotEmptyFile();

        // Runs go on without the cache and do not repeat the report or retrain on every start.
        hype.env("JAVA_TOOL_OPTIONS", null);
        Result run = hype.runProgram(launcher.toString(), "pkg", "--help").assertSuccess();
        assertThat(run.stdout()).startsWith("Usage: hype pkg");
        assertThat(run.stderr()).doesNotContain("start-up cache");

        // The next build trains again.
        Result rebuilt = hype.runProgram(launcher.toString(), "--finish-build").assertSuccess();
        assertThat(rebuilt.stderr()).doesNotContain("could not build");
        for (String cache : List.of("project.aot", "install.aot", "commands.aot")) {
            assertThat(copy.resolve(cache)).isNotEmptyFile();
            assertThat(copy.resolve(cache + ".failed")).doesNotExist();
        }

        // A cache missing without a recorded failure is trained before the run, not silently skipped.
        Files.delete(copy.resolve("commands.aot"));
        Result retrained = hype.runProgram(launcher.toString(), "pkg", "--help").assertSuccess();
        assertThat(retrained.stderr()).contains("building the start-up cache for the commands path");
        assertThat(copy.resolve("commands.aot")).isNotEmptyFile();
        Files.delete(copy.resolve("project.aot"));
        assertThat(hype.runProgram(launcher.toString(), "pkg", "list").stderr())
                .contains("building the start-up cache for the project path");
        assertThat(copy.resolve("project.aot")).isNotEmptyFile();
    }

    /** Run the launcher with the JVM's class-loading log in {@code file}; return the log. */
    private String classLoads(Hype hype, String file, String... args) throws IOException {
        Path log = temp.resolve(file);
        hype.env("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log);
        hype.run(args).assertSuccess();
        hype.env("JAVA_TOOL_OPTIONS", null);
        return Files.readString(log);
    }
}
