package dev.hype.cli.commands;

import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.RegistryConfigReader;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.build.RockPreparer;
import dev.hype.pm.rocks.server.RockRepository;
import dev.hype.pm.rocks.server.RocksConfig;
import dev.hype.pm.rocks.server.RocksConfigReader;
import dev.hype.runtime.HypeException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Choose the LuaRocks servers for {@code rocks:NAME} packages: the {@code rocks} configuration, then {@code --rocks-server}. */
final class RocksOptions {
    private static final String DESCRIPTION = "Look rocks:NAME packages up on this LuaRocks server (http(s)://... or"
            + " file:DIR) instead of the configured ones; repeat for several.";

    @Option(names = "--rocks-server", paramLabel = "URL", description = DESCRIPTION)
    List<String> servers = new ArrayList<>();

    /** Add {@code --rocks-server} to a model built in code ({@link CommandModels}), as its annotation says. */
    void addTo(CommandSpec spec) {
        spec.addOption(CommandModels.strings(() -> servers, value -> servers = value, "--rocks-server")
                .paramLabel("URL")
                .description(DESCRIPTION)
                .build());
    }

    /** Return the LuaRocks servers for a project in {@code projectDirectory}. */
    RockRepository repository(Path projectDirectory) {
        return repository(projectDirectory, false);
    }

    /** Return the LuaRocks servers for a project in {@code projectDirectory}; offline, they answer from the cache. */
    RockRepository repository(Path projectDirectory, boolean offline) {
        Map<String, String> env = RegistryOptions.environment();
        RocksConfig config = RocksConfigReader.read(projectDirectory, env);
        if (!servers.isEmpty()) {
            config = config.withServers(urls());
        }
        Path cache = RegistryConfigReader.hypeHome(env).resolve("cache");
        return new RockRepository(config, ClientOptions.defaults(cache).withOffline(offline), RockPlatform.current());
    }

    /** Fail as {@link #repository} would if a {@code --rocks-server} is no server URL, reading no configuration. */
    void checkUrls() {
        urls();
    }

    private List<URI> urls() {
        List<URI> urls = new ArrayList<>();
        for (String server : servers) {
            urls.add(RegistryConfigReader.parseUrl(server, Path.of("").toAbsolutePath(), () -> new HypeException(
                    "E_USAGE", "--rocks-server " + server + " is not an http(s):// or file: URL",
                    List.of("for example --rocks-server https://luarocks.org or --rocks-server file:./rocks"))));
        }
        return urls;
    }

    /** Return what builds rocks on this machine. */
    static RockPreparer preparer() {
        return new RockPreparer(RockPlatform.current(), RegistryOptions.environment());
    }
}
