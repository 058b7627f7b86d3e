package dev.hype.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hype.cli.CliRun;
import dev.hype.registry.server.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Publish packages to a test registry and run package commands on one project against it. */
final class RegistryProject {
    private final TestRegistry registry;
    private final Path temp;
    final Path app;

    RegistryProject(TestRegistry registry, Path temp) throws IOException {
        this.registry = registry;
        this.temp = temp;
        this.app = Files.createDirectories(temp.resolve("app"));
    }

    /** Publish {@code name@version} with these dependencies, as a JSON object. */
    void publish(String name, String version, String dependencies) throws IOException {
        publish(name, version, dependencies, "return {}\n");
    }

    /** Publish {@code name@version} with these dependencies and {@code index} as its {@code index.lua}. */
    void publish(String name, String version, String dependencies, String index) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("src-" + name + "-" + version));
        Files.writeString(dir.resolve("hype.json"), """
            {"name": "%s", "version": "%s", "license": "MIT", "main": "index.lua", "dependencies": %s}
            """.formatted(name, version, dependencies));
        Files.writeString(dir.resolve("index.lua"), index);
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
        List<String> all = new ArrayList<>(List.of("pkg", command));
        all.addAll(List.of(args));
        all.addAll(List.of("-C", app.toString(), "--registry", registry.url()));
        if (List.of("install", "update", "remove").contains(command)) {
            all.addAll(List.of("--store-dir", temp.resolve("store").toString()));
        }
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Run {@code hype pkg COMMAND ARGS... -C app} without registry options. */
    CliRun local(String command, String... args) {
        List<String> all = new ArrayList<>(List.of("pkg", command));
        all.addAll(List.of(args));
        all.addAll(List.of("-C", app.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }
}
