package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hype.runtime.HypeException;
import dev.hype.runtime.HypeHome;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.permissions.ProjectRoot;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Read the registry configuration: {@code $HYPE_HOME/config.json} (default {@code ~/.hype/config.json}), then
 * the {@code .hyperc.json} of the project root, each overriding the one before; then {@code HYPE_TOKEN} for the
 * default registry.
 *
 * <p>Only these two files choose registries. The project root is the nearest folder holding a {@code hype.json}
 * from the project directory up ({@link ProjectRoot}); a {@code .hyperc.json} anywhere else, such as in a parent
 * folder above the project root that someone else can write, is never read.
 *
 * <p>Both files have the shape {@code {"registry": URL, "scopes": {"@acme": URL}, "tokens": {"host:port": T}}};
 * every key is optional. A {@code file:} URL names a directory laid out like the server's storage; a relative
 * one is resolved against the directory of the file that names it.
 */
public final class RegistryConfigReader {
    /** The user-level config file name inside Hype's home. */
    public static final String USER_FILE = "config.json";
    /** The project-level config file name. */
    public static final String PROJECT_FILE = ".hyperc.json";
    /** Code of a config file that cannot be read or has a wrong shape. */
    public static final String E_CONFIG = "E_CONFIG";

    private RegistryConfigReader() {
    }

    /** Return Hype's home: {@code HYPE_HOME} from {@code env}, else {@code ~/.hype}. */
    public static Path hypeHome(Map<String, String> env) {
        return HypeHome.directory(env);
    }

    /** Read the config for a project in {@code projectDirectory}, with {@code env} for HYPE_HOME and HYPE_TOKEN. */
    public static RegistryConfig read(Path projectDirectory, Map<String, String> env) {
        Path home = hypeHome(env);
        URI registry = RegistryConfig.DEFAULT_REGISTRY;
        Map<String, URI> scopes = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (Path file : files(home, projectDirectory)) {
            JsonNode tree = parse(file);
            JsonNode reg = tree.get("registry");
            if (reg != null) {
                registry = url(reg, file, "registry");
            }
            for (var entry : objectField(tree, "scopes", file).properties()) {
                scopes.put(entry.getKey(), url(entry.getValue(), file, "scopes." + entry.getKey()));
            }
            for (var entry : objectField(tree, "tokens", file).properties()) {
                if (!entry.getValue().isTextual()) {
                    throw problem(file, "tokens." + entry.getKey(), "must be a string");
                }
                tokens.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return new RegistryConfig(registry, scopes, tokens).withToken(env.get("HYPE_TOKEN"));
    }

    /**
     * Read {@code trustedKeys} from the same files: per scope, a later file's keys replace an
     * earlier file's.
     */
    public static dev.hype.pm.sign.TrustedKeys trustedKeys(Path projectDirectory, Map<String, String> env) {
        com.fasterxml.jackson.databind.node.ObjectNode merged = JsonNodeFactory.instance.objectNode();
        String where = "config";
        for (Path file : files(hypeHome(env), projectDirectory)) {
            JsonNode keys = objectField(parse(file), "trustedKeys", file);
            keys.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
            if (!keys.isEmpty()) {
                where = file.toString();
            }
        }
        return dev.hype.pm.sign.TrustedKeys.parse(merged, where);
    }

    /** Return the config files that exist, in the order they apply: the user's, then the project's. */
    public static List<Path> files(Path home, Path projectDirectory) {
        List<Path> files = new java.util.ArrayList<>();
        Path user = home.resolve(USER_FILE);
        if (Files.isRegularFile(user)) {
            files.add(user);
        }
        Path project = ProjectRoot.find(projectDirectory).resolve(PROJECT_FILE);
        if (Files.isRegularFile(project)) {
            files.add(project);
        }
        return files;
    }

    private static JsonNode parse(Path file) {
        try {
            // jackson-core's parser, as readTree would: building an ObjectMapper costs more than the command it serves
            JsonNode tree = JsonTreeReader.read(Files.readAllBytes(file));
            if (tree == null || !tree.isObject()) {
                throw problem(file, "(top level)", "must be a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw new HypeException(E_CONFIG, "cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), List.of(), e);
        }
    }

    private static JsonNode objectField(JsonNode tree, String field, Path file) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw problem(file, field, "must be an object");
        }
        return node;
    }

    private static URI url(JsonNode node, Path file, String field) {
        if (!node.isTextual()) {
            throw problem(file, field, "must be a URL string");
        }
        return parseUrl(node.asText(), file.toAbsolutePath().getParent(), () -> problem(file, field,
            "'" + node.asText() + "' is not an http(s):// or file: URL"));
    }

    /**
     * Parse a registry URL as given on the command line or in a config file: {@code http(s)://...}, or
     * {@code file:DIR} with DIR resolved against {@code base}.
     */
    public static URI parseUrl(String text, Path base, java.util.function.Supplier<RuntimeException> invalid) {
        if (text.startsWith("file:")) {
            String path = text.substring("file:".length());
            if (path.startsWith("//")) {
                try {
                    return Path.of(new URI(text)).toUri();
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw invalid.get();
                }
            }
            return base.resolve(path).toAbsolutePath().normalize().toUri();
        }
        try {
            URI url = new URI(text);
            if (!RegistryConfig.isHttp(url) || url.getHost() == null) {
                throw invalid.get();
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid.get();
        }
    }

    private static HypeException problem(Path file, String field, String problem) {
        return new HypeException(E_CONFIG, file + ": field '" + field + "' " + problem,
            List.of("see docs/registry.md for the shape of config.json and .hyperc.json"));
    }
}
