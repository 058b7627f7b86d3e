package dev.hype.cli.commands;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfig;
import dev.hype.pm.registry.RegistryConfigReader;
import dev.hype.runtime.HypeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose the registry for a command: config files, {@code HYPE_TOKEN}, then {@code --registry}. */
final class RegistryOptions {
    private static final String DESCRIPTION = "Use this registry (http(s)://... or file:DIR) instead of the configured one.";

    @Option(names = "--registry", paramLabel = "URL", description = DESCRIPTION)
    String registry;

    /** Add {@code --registry} to a model built in code ({@link CommandModels}), as its annotation says. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.option(String.class, () -> registry, value -> registry = value, "--registry")
                .paramLabel("URL")
                .description(DESCRIPTION)
                .build());
    }

    /** Return the configuration for a project in {@code projectDirectory}, with {@code token} for the registry if given. */
    RegistryConfig config(Path projectDirectory, String token) {
        Map<String, String> env = environment();
        RegistryConfig config = RegistryConfigReader.read(projectDirectory, env);
        if (registry != null) {
            config = config.withRegistry(url()).withToken(env.get("HYPE_TOKEN"));
        }
        return config.withToken(token);
    }

    /** Fail as {@link #config} would if {@code --registry} is given and is no registry URL, reading no configuration. */
    void checkUrl() {
        if (registry != null) {
            url();
        }
    }

    private URI url() {
        return RegistryConfigReader.parseUrl(registry, Path.of("").toAbsolutePath(),
                () -> new HypeException("E_USAGE", "--registry " + registry + " is not an http(s):// or file: URL",
                        List.of("for example --registry http://localhost:4873 or --registry file:./registry")));
    }

    /** Return a client for a project in {@code projectDirectory}. */
    RegistryClient client(Path projectDirectory, String token) {
        return client(projectDirectory, token, false);
    }

    /** Return a client for a project in {@code projectDirectory}; an offline one answers from the cache only. */
    RegistryClient client(Path projectDirectory, String token, boolean offline) {
        Path cache = RegistryConfigReader.hypeHome(environment()).resolve("cache");
        return RegistryClient.create(config(projectDirectory, token),
                ClientOptions.defaults(cache).withOffline(offline));
    }

    static Map<String, String> environment() {
        return HypeHome.environment();
    }
}
