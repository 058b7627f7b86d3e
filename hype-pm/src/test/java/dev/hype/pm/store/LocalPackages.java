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
            ObjectNode entry = ((ObjectNode) index.get("packages")).withObjectProperty(name).putObject(version);
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

    /**
     * List {@code name@version} with a tarball written as given, without the packer's checks, as a malicious
     * registry could serve it: {@code files} under {@code package/}, {@code dependencies} in the index as given.
     */
    public LocalPackages addRaw(String name, String version, Map<String, String> files, Map<String, String> deps) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (var tar = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                    new org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream(bytes))) {
                for (var f : new java.util.TreeMap<>(files).entrySet()) {
                    byte[] content = f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("package/" + f.getKey());
                    entry.setSize(content.length);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                    tar.closeArchiveEntry();
                }
            }
            byte[] tarball = bytes.toByteArray();
            Path file = root.resolve("tarballs").resolve("raw-" + Math.abs((name + version).hashCode()) + ".tgz");
            Files.createDirectories(file.getParent());
            Files.write(file, tarball);
            ObjectNode entry = ((ObjectNode) index.get("packages")).withObjectProperty(name).putObject(version);
            ObjectNode dependencies = entry.putObject("dependencies");
            deps.forEach(dependencies::put);
            entry.putObject("dist").put("tarball", file.toUri().toString())
                    .put("integrity", dev.hype.pm.pack.Integrity.sha512(tarball).sri());
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
