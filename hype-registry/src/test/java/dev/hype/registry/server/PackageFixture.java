package dev.hype.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Describe a package to publish in a test:
 * {@code PackageFixture.of("a", "1.0.0").dep("b", "^1").file("index.lua", "return 1").publish(registry)}.
 */
public final class PackageFixture {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode manifest = JSON.createObjectNode();
    private final Map<String, String> files = new LinkedHashMap<>();

    private PackageFixture(String name, String version) {
        manifest.put("name", name).put("version", version);
    }

    /** Start a package {@code name}@{@code version} with an {@code index.lua}. */
    public static PackageFixture of(String name, String version) {
        return new PackageFixture(name, version).file("index.lua", "return {}\n");
    }

    /** Add a dependency on {@code name} within {@code range}. */
    public PackageFixture dep(String name, String range) {
        manifest.withObjectProperty("dependencies").put(name, range);
        return this;
    }

    /** Set a string field of {@code hype.json}, e.g. {@code description}. */
    public PackageFixture field(String key, String value) {
        manifest.put(key, value);
        return this;
    }

    /** Set the {@code permissions} object of {@code hype.json}, given as JSON text. */
    public PackageFixture permissions(String json) {
        return json("permissions", json);
    }

    /** Set a field of {@code hype.json} to a JSON value given as text. */
    public PackageFixture json(String key, String json) {
        try {
            manifest.set(key, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Add keywords to {@code hype.json}. */
    public PackageFixture keywords(String... keywords) {
        var array = manifest.putArray("keywords");
        for (String keyword : keywords) {
            array.add(keyword);
        }
        return this;
    }

    /** Add or replace a file. */
    public PackageFixture file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** Write the package into a temporary directory and pack it. */
    public PackResult pack() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hype-fixture");
            Files.writeString(dir.resolve("hype.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
            return Packer.create(SourceChecker.acceptAll()).pack(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    /** Pack and publish to {@code registry} with its default token. */
    public HttpResponse<String> publish(TestRegistry registry) {
        return registry.publish(pack());
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
