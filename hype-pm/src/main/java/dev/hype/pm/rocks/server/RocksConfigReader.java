package dev.hype.pm.rocks.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.registry.RegistryConfigReader;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockName;
import dev.hype.runtime.JsonTreeReader;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read the {@code rocks} key of the files that configure registries ({@code $HYPE_HOME/config.json}, then the
 * project root's {@code .hyperc.json}), each overriding the one before:
 * {@code "rocks": {"servers": [URL, ...], "packages": {"NAME": URL}}}. A URL is {@code http(s)://...} or
 * {@code file:DIR}, a relative DIR being resolved against the directory of the file that names it. A later file's
 * {@code servers} replaces an earlier one's; {@code packages} merge by rock name.
 */
public final class RocksConfigReader {
    private RocksConfigReader() {
    }

    /** Read the configuration for a project in {@code projectDirectory}, with {@code env} for HYPE_HOME. */
    public static RocksConfig read(Path projectDirectory, Map<String, String> env) {
        List<URI> servers = List.of(RocksConfig.DEFAULT_SERVER);
        Map<String, URI> packages = new LinkedHashMap<>();
        for (Path file : RegistryConfigReader.files(RegistryConfigReader.hypeHome(env), projectDirectory)) {
            JsonNode rocks;
            try {
                // jackson-core's parser, as readTree would: every install reads this, and building an ObjectMapper
                // was 7% of the samples of a warm install of 200 packages (JFR)
                rocks = JsonTreeReader.read(Files.readAllBytes(file)).path("rocks");
            } catch (IOException e) {
                continue; // RegistryConfigReader reports a file that is not JSON
            }
            if (rocks.isMissingNode() || rocks.isNull()) {
                continue;
            }
            if (!rocks.isObject()) {
                throw problem(file, "rocks", "must be an object such as {\"servers\": [\"https://luarocks.org\"]}");
            }
            JsonNode list = rocks.path("servers");
            if (list.isTextual()) {
                servers = List.of(url(list, file, "rocks.servers"));
            } else if (list.isArray()) {
                List<URI> urls = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    urls.add(url(list.get(i), file, "rocks.servers[" + i + "]"));
                }
                servers = urls;
            } else if (!list.isMissingNode()) {
                throw problem(file, "rocks.servers", "must be a URL or a list of URLs");
            }
            JsonNode own = rocks.path("packages");
            if (own.isObject()) {
                for (var e : own.properties()) {
                    String name = RockName.rock(e.getKey());
                    RockName.problem(RockName.of(name)).ifPresent(p -> {
                        throw problem(file, "rocks.packages." + e.getKey(), "is not a rock name: " + p);
                    });
                    packages.put(name, url(e.getValue(), file, "rocks.packages." + e.getKey()));
                }
            } else if (!own.isMissingNode()) {
                throw problem(file, "rocks.packages", "must be an object mapping rock names to URLs");
            }
        }
        return new RocksConfig(servers, packages);
    }

    private static URI url(JsonNode node, Path file, String field) {
        if (!node.isTextual()) {
            throw problem(file, field, "must be a URL string");
        }
        return RegistryConfigReader.parseUrl(node.asText(), file.toAbsolutePath().getParent(), () -> problem(file,
                field, "'" + node.asText() + "' is not an http(s):// or file: URL"));
    }

    private static RockException problem(Path file, String field, String problem) {
        return new RockException(RockException.E_ROCK_CONFIG, file + ": field '" + field + "' " + problem,
                List.of("see docs/luarocks.md for the shape of the \"rocks\" configuration"));
    }
}
