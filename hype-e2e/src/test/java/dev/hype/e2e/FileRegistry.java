package dev.hype.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import dev.hype.pm.registry.ClientOptions;
import dev.hype.pm.registry.RegistryClient;
import dev.hype.pm.registry.RegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@code file:} registry in a test folder, filled without launching anything:
 * {@code FileRegistry.in(dir).publish("a-lib", "1.0.0", Map.of("index.lua", "return 1"))}, then
 * {@code hype pkg install --registry registry.url()}.
 */
public final class FileRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    private FileRegistry(Path dir) {
        this.dir = dir;
    }

    /** Use (and create) {@code dir} as a {@code file:} registry. */
    public static FileRegistry in(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileRegistry(dir.toAbsolutePath());
    }

    /** Return the registry as {@code --registry} takes it. */
    public String url() {
        return "file:" + dir;
    }

    /** Publish {@code name@version} with {@code files} (path to text) and a {@code hype.json} with {@code fields}. */
    public FileRegistry publish(String name, String version, Map<String, String> files, Map<String, Object> fields) {
        try {
            Path source = Files.createTempDirectory(dir.getParent(), "package-");
            ObjectNode manifest = JSON.createObjectNode().put("name", name).put("version", version)
                    .put("license", "MIT").put("main", "index.lua");
            fields.forEach((key, value) -> manifest.set(key, JSON.valueToTree(value)));
            Files.writeString(source.resolve("hype.json"), manifest.toPrettyString());
            for (var file : files.entrySet()) {
                Path target = source.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            PackResult packed = Packer.create(SourceChecker.acceptAll()).pack(source);
            try (RegistryClient client = RegistryClient.create(RegistryConfig.defaults().withRegistry(URI.create(url())),
                    ClientOptions.defaults(null))) {
                client.publish(packed, manifest, "latest");
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publish {@code name@version} with an {@code index.lua} returning {@code value}. */
    public FileRegistry publish(String name, String version, String value) {
        return publish(name, version, Map.of("index.lua", "return " + value + "\n"), Map.of());
    }
}
