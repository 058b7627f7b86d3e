package dev.hype.cli.commands;

import dev.hype.pm.registry.RegistryClient;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Choose the registry and the token for a command that changes what a registry holds (tags, deprecations, versions). */
final class TokenOptions {
    @Mixin
    private RegistryOptions registry;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Authenticate with TOKEN (default: config or HYPE_TOKEN).")
    private String token;

    /** Return a client of the configured registry that sends the chosen token. */
    RegistryClient client() {
        return registry.client(Path.of("").toAbsolutePath(), token);
    }
}
