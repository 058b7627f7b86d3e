package dev.hype.pm.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hype.pm.pack.PackResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serve a {@code file:DIR} registry: a directory laid out like {@code hype registry serve}'s storage,
 * {@code DIR/<name>/package.json} (scoped: {@code DIR/@scope/name/package.json}) beside the tarballs.
 * It needs no network, so it works offline and in tests. Writes are atomic (temporary file, then rename).
 */
final class FileRegistryClient {
    private static final String PACKUMENT_FILE = "package.json";

    private final URI registry;
    private final Path root;

    FileRegistryClient(URI registry) {
        this.registry = registry;
        this.root = Path.of(registry);
    }

    Packument packument(String name, Form form) {
        Path file = directory(name).resolve(PACKUMENT_FILE);
        try {
            return NpmProtocol.packument(NpmProtocol.JSON.readTree(Files.readAllBytes(file)), registry, name);
        } catch (NoSuchFileException e) {
            throw RegistryException.forStatus(404, registry, name, RegistryException.READ_PACKAGE, null);
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, name, "cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e));
        }
    }

    JsonNode version(String name, String versionOrTag) {
        Packument packument = packument(name, Form.FULL);
        String version = packument.distTags().getOrDefault(versionOrTag, versionOrTag);
        return packument.version(version).orElseThrow(() ->
            RegistryException.forStatus(404, registry, name, "read version " + versionOrTag + " of", null));
    }

    Tarball download(String name, String version, Dist dist) {
        String fileName = dist.tarball() == null ? NpmProtocol.tarballFileName(name, version)
            : dist.tarball().substring(dist.tarball().lastIndexOf('/') + 1);
        if (!fileName.endsWith(".tgz") || fileName.startsWith(".")) {
            throw RegistryException.badResponse(registry, name, "invalid tarball name '" + fileName + "'");
        }
        Path file = directory(name).resolve(fileName);
        try {
            return NpmProtocol.verify(registry, name, version, dist, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw RegistryException.forStatus(404, registry, name, "read tarball " + fileName + " of", null);
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, name, "cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e));
        }
    }

    List<SearchHit> search(String text, int size) {
        String needle = text.toLowerCase(Locale.ROOT);
        List<SearchHit> hits = new ArrayList<>();
        for (String name : names()) {
            Packument packument = packument(name, Form.FULL);
            String latest = packument.latest().orElse("");
            JsonNode doc = packument.version(latest).orElse(NpmProtocol.JSON.createObjectNode());
            List<String> keywords = new ArrayList<>();
            doc.path("keywords").forEach(k -> keywords.add(k.asText()));
            String description = packument.description().orElse("");
            String haystack = (name + " " + description + " " + String.join(" ", keywords)).toLowerCase(Locale.ROOT);
            if (haystack.contains(needle)) {
                hits.add(new SearchHit(name, latest, description, keywords));
            }
        }
        return hits.stream().limit(size).toList();
    }

    Map<String, String> distTags(String name) {
        return packument(name, Form.FULL).distTags();
    }

    void setDistTag(String name, String tag, String version) {
        ObjectNode doc = packument(name, Form.FULL).document();
        if (!doc.path("versions").has(version)) {
            throw RegistryException.forStatus(404, registry, name, "tag version " + version + " of", null);
        }
        ((ObjectNode) doc.path("dist-tags")).put(tag, version);
        write(name, doc);
    }

    void removeDistTag(String name, String tag) {
        ObjectNode doc = packument(name, Form.FULL).document();
        if (((ObjectNode) doc.path("dist-tags")).remove(tag) == null) {
            throw RegistryException.forStatus(404, registry, name, "remove dist-tag " + tag + " of", null);
        }
        write(name, doc);
    }

    synchronized void deprecate(String name, Map<String, String> messages) {
        ObjectNode doc = packument(name, Form.FULL).document();
        ObjectNode versions = doc.withObjectProperty("versions");
        messages.forEach((version, message) -> {
            if (versions.get(version) instanceof ObjectNode document) {
                if (message.isEmpty()) {
                    document.remove("deprecated");
                } else {
                    document.put("deprecated", message);
                }
            }
        });
        write(name, doc);
    }

    /** Remove one version (keeping its time, so it is never published again) and its tarball; null: every version. */
    synchronized void unpublish(String name, String version) {
        ObjectNode doc = packument(name, Form.FULL).document();
        ObjectNode versions = doc.withObjectProperty("versions");
        List<String> removed = new ArrayList<>();
        if (version == null) {
            versions.properties().forEach(e -> removed.add(e.getKey()));
        } else if (versions.has(version)) {
            removed.add(version);
        } else {
            throw RegistryException.forStatus(404, registry, name, "unpublish version " + version + " of", null);
        }
        removed.forEach(versions::remove);
        ObjectNode tags = doc.withObjectProperty("dist-tags");
        List<String> stale = new ArrayList<>();
        tags.properties().forEach(e -> {
            if (removed.contains(e.getValue().asText())) {
                stale.add(e.getKey());
            }
        });
        stale.forEach(tags::remove);
        if (!tags.has("latest")) {
            packument(name, doc).versions().stream().filter(v -> !v.isPrerelease()).max(Comparable::compareTo)
                .ifPresent(v -> tags.put("latest", v.toString()));
        }
        write(name, doc);
        for (String gone : removed) {
            try {
                Files.deleteIfExists(directory(name).resolve(NpmProtocol.tarballFileName(name, gone)));
            } catch (IOException e) {
                throw RegistryException.badResponse(registry, name, "cannot delete the tarball of " + gone + ": "
                    + dev.hype.runtime.ErrorText.of(e));
            }
        }
    }

    private Packument packument(String name, ObjectNode doc) {
        return NpmProtocol.packument(doc, registry, name);
    }

    synchronized void setOwners(String name, List<String> owners) {
        ObjectNode doc = packument(name, Form.FULL).document();
        com.fasterxml.jackson.databind.node.ArrayNode list = doc.putArray("maintainers");
        owners.forEach(owner -> list.addObject().put("name", owner));
        write(name, doc);
    }

    synchronized URI publish(PackResult packed, JsonNode manifest, String tag) {
        String name = packed.name();
        ObjectNode body = NpmProtocol.publishBody(packed, manifest, tag, registry);
        ObjectNode version = (ObjectNode) body.path("versions").path(packed.version());
        String fileName = NpmProtocol.tarballFileName(name, packed.version());
        ((ObjectNode) version.path("dist")).put("tarball", name + "/-/" + fileName);
        ObjectNode doc;
        try {
            doc = packument(name, Form.FULL).document();
        } catch (RegistryException e) {
            if (!RegistryException.E_NOT_FOUND.equals(e.code())) {
                throw e;
            }
            doc = NpmProtocol.JSON.createObjectNode();
            doc.put("_id", name);
            doc.put("name", name);
            doc.putObject("dist-tags");
            doc.putObject("versions");
            doc.putObject("time").put("created", Instant.now().toString());
        }
        if (doc.path("versions").has(packed.version()) || doc.path("time").has(packed.version())) {
            throw RegistryException.forStatus(409, registry, name, "publish " + packed.version() + " of",
                "version " + packed.version() + " was published before");
        }
        doc.put("description", body.path("description").asText(""));
        ((ObjectNode) doc.path("versions")).set(packed.version(), version);
        ((ObjectNode) doc.path("dist-tags")).put(tag, packed.version());
        String now = Instant.now().toString();
        ((ObjectNode) doc.path("time")).put(packed.version(), now).put("modified", now);
        atomicWrite(directory(name).resolve(fileName), packed.tarball());
        write(name, doc);
        return directory(name).resolve(fileName).toUri();
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return names;
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path entry : top) {
                String dir = entry.getFileName().toString();
                if (dir.startsWith("@")) {
                    try (DirectoryStream<Path> scoped = Files.newDirectoryStream(entry, Files::isDirectory)) {
                        for (Path inner : scoped) {
                            if (Files.isRegularFile(inner.resolve(PACKUMENT_FILE))) {
                                names.add(dir + "/" + inner.getFileName());
                            }
                        }
                    }
                } else if (!dir.startsWith(".") && Files.isRegularFile(entry.resolve(PACKUMENT_FILE))) {
                    names.add(dir);
                }
            }
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, null, "cannot list " + root + ": " + dev.hype.runtime.ErrorText.of(e));
        }
        names.sort(null);
        return names;
    }

    private Path directory(String name) {
        if (name.isEmpty() || name.contains("..") || name.contains("\\") || name.startsWith(".")
            || name.chars().filter(c -> c == '/').count() > (name.startsWith("@") ? 1 : 0)) {
            throw RegistryException.badResponse(registry, name, "invalid package name '" + name + "'");
        }
        return root.resolve(name);
    }

    private void write(String name, ObjectNode doc) {
        try {
            atomicWrite(directory(name).resolve(PACKUMENT_FILE),
                NpmProtocol.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, name, "cannot write the package document: " + dev.hype.runtime.ErrorText.of(e));
        }
    }

    private void atomicWrite(Path file, byte[] data) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(temp, data);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw RegistryException.badResponse(registry, null, "cannot write " + file + ": " + dev.hype.runtime.ErrorText.of(e));
        }
    }

}
