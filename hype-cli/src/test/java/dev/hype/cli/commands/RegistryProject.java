package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.registry.server.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Publish packages to a test registry and run package commands on one project against it.
 *
 * <p>{@link #start} points Hype's home at {@code temp/home} (so tests never read the real
 * {@code ~/.hype}) and starts the real registry on a free port; {@link #close} undoes both.
 */
final class RegistryProject implements AutoCloseable {
    private final TestRegistry registry;
    private final Path temp;
    final Path app;
    final Path home;

    private RegistryProject(TestRegistry registry, Path temp, Path home) throws IOException {
        this.registry = registry;
        this.temp = temp;
        this.home = home;
        this.app = Files.createDirectories(temp.resolve("app"));
    }

    /** Start a registry and a project under {@code temp}, with Hype's home in {@code temp/home}. */
    static RegistryProject start(Path temp) throws IOException {
        Path home = Files.createDirectories(temp.resolve("home"));
        System.setProperty(HypeHome.TEST_HOME_PROPERTY, home.toString());
        return new RegistryProject(TestRegistry.start(), temp, home);
    }

    /** Return the running registry. */
    TestRegistry registry() {
        return registry;
    }

    /** Stop the registry and restore Hype's home. */
    @Override
    public void close() {
        registry.close();
        System.clearProperty(HypeHome.TEST_HOME_PROPERTY);
    }

    /** Publish {@code name@version} with these dependencies, as a JSON object. */
    void publish(String name, String version, String dependencies) throws IOException {
        publish(name, version, dependencies, "return {}\n");
    }

    /** Publish {@code name@version} with these dependencies and {@code index} as its {@code index.lua}. */
    void publish(String name, String version, String dependencies, String index) throws IOException {
        publish(name, version, dependencies, index, "{}");
    }

    /** Publish {@code name@version} with no dependencies, asking for {@code permissions}, a JSON object. */
    void publishAsking(String name, String version, String permissions) throws IOException {
        publish(name, version, "{}", "return {}\n", permissions);
    }

    /** Publish {@code name@version} with no dependencies, asking for {@code permissions}, with {@code index}. */
    void publishAsking(String name, String version, String permissions, String index) throws IOException {
        publish(name, version, "{}", index, permissions);
    }

    private void publish(String name, String version, String dependencies, String index, String permissions)
            throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src-" + name + "-" + version));
        Files.writeString(dir.resolve("hype.json"), """
            {"name": "%s", "version": "%s", "license": "MIT", "main": "index.lua", "dependencies": %s,
             "permissions": %s}
            """.formatted(name, version, dependencies, permissions));
        Files.writeString(dir.resolve("index.lua"), index);
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString(), "--registry", registry.url(),
                "--token", registry.token(), "--force");
        assertThat(run.status()).as(run.err()).isZero();
    }

    /** Publish the package whose {@code hype.json} is {@code manifest}, with these files beside it. */
    void publishPackage(String manifest, java.util.Map<String, String> files) throws IOException {
        Path dir = Files.createTempDirectory(temp, "src-");
        Files.writeString(dir.resolve("hype.json"), manifest);
        for (var file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        CliRun run = CliRun.of("pkg", "publish", "-C", dir.toString(), "--registry", registry.url(),
                "--token", registry.token(), "--force");
        assertThat(run.status()).as(run.err()).isZero();
    }

    /** Write the project's {@code hype.json} with these dependencies, as a JSON object. */
    void manifest(String dependencies) throws IOException {
        Files.writeString(app.resolve("hype.json"), """
            {
              "name": "app",
              "version": "0.1.0",
              "dependencies": %s
            }
            """.formatted(dependencies));
    }

    /** Run {@code hype pkg COMMAND ARGS... -C app --registry URL}, with the store under the temporary directory. */
    CliRun pkg(String command, String... args) {
        return CliRun.of(pkgArguments(command, args));
    }

    /** Run {@code hype pkg COMMAND ARGS...} as {@link #pkg} does, on a terminal where the user types {@code input}. */
    CliRun pkgOnTerminal(String input, String command, String... args) {
        return CliRun.onTerminal(input, pkgArguments(command, args));
    }

    private String[] pkgArguments(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("pkg", command));
        all.addAll(List.of(args));
        all.addAll(List.of("-C", app.toString(), "--registry", registry.url()));
        if (List.of("install", "update", "remove").contains(command)) {
            all.addAll(List.of("--store-dir", temp.resolve("store").toString()));
        }
        return all.toArray(String[]::new);
    }

    /** Run {@code hype pkg COMMAND ARGS... -C app} without registry options. */
    CliRun local(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("pkg", command));
        all.addAll(List.of(args));
        all.addAll(List.of("-C", app.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }
}
