package dev.hype.pm.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.PackResult;
import dev.hype.pm.pack.Packer;
import dev.hype.pm.pack.SourceChecker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Build real package tarballs with the {@link Packer} into a directory, and a static index listing them with
 * {@code file:} tarball URLs, for tests: {@code packages.add("a", "1.0.0", "b", "^1.0.0")}.
 */
public final class LocalPackages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final ObjectNode index = JSON.createObjectNode();
    private final Map<String, PackResult> packed = new HashMap<>();

    /** Keep sources, tarballs and {@code index.json} under {@code root}. */
    public LocalPackages(Path root) {
        this.root = root;
        index.putObject("packages");
    }

    /** Pack {@code name@version} depending on {@code deps} (name, range, name, range, ...) and list it. */
    public LocalPackages add(String name, String version, String... deps) {
        return add(name, version, Map.of("index.lua", "return {name = \"" + name + "\", version = \"" + version
                + "\"}\n"), deps);
    }

    /**
     * Pack {@code name@version} with the given files; a {@code hype.json} among them replaces the generated one, and
     * its dependencies, optional dependencies and features go into the index.
     */
    public LocalPackages add(String name, String version, Map<String, String> files, String... deps) {
        try {
            Path source = root.resolve("src").resolve(name.replace('/', '+') + "-" + version);
            Files.createDirectories(source);
            ObjectNode manifest = JSON.createObjectNode().put("name", name).put("version", version);
            ObjectNode dependencies = manifest.putObject("dependencies");
            for (int i = 0; i + 1 < deps.length; i += 2) {
                dependencies.put(deps[i], deps[i + 1]);
            }
            Files.writeString(source.resolve("hype.json"), files.containsKey("hype.json") ? files.get("hype.json")
                    : JSON.writeValueAsString(manifest));
            for (var f : files.entrySet()) {
                Path file = source.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            PackResult result = Packer.create(SourceChecker.acceptAll()).pack(source);
            Path tarball = result.writeTo(root.resolve("tarballs"));
            ObjectNode entry = ((ObjectNode) index.get("packages")).with(name).putObject(version);
            entry.set("dependencies", dependencies);
            if (files.containsKey("hype.json")) {
                var given = JSON.readTree(files.get("hype.json"));
                for (String field : new String[] {"dependencies", "optionalDependencies", "features"}) {
                    if (given.has(field)) {
                        entry.set(field, given.get(field));
                    }
                }
            }
            entry.putObject("dist").put("tarball", tarball.toUri().toString())
                    .put("integrity", result.integrity().sri());
            packed.put(name + "@" + version, result);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Write and return the index file. */
    public Path index() {
        try {
            Path file = root.resolve("index.json");
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(index));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Return the reference of a packed version. */
    public PackageRef ref(String name, String version) {
        PackResult result = packed.get(name + "@" + version);
        return new PackageRef(name, dev.hype.pm.semver.Version.parse(version), result.integrity(),
                root.resolve("tarballs").resolve(result.fileName()).toUri());
    }
}
