package dev.hype.pm.rocks.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.rocks.LuaData;
import dev.hype.pm.rocks.RockException;
import dev.hype.pm.rocks.RockPlatform;
import dev.hype.pm.rocks.Rockspec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Unpack a downloaded rock ({@code .src.rock} or {@code .all.rock}, both zips) and check that it is the rock the
 * server lists: its rockspec is {@code NAME-VERSION.rockspec} and says that name and version; a binary rock's files
 * are exactly those its {@code rock_manifest} lists, with those MD5 sums; a source rock holds the source file its
 * rockspec names, with the rockspec's {@code source.md5} when it gives one. Anything else is refused with
 * {@link RockException#E_ROCK_ARCHIVE}.
 */
final class RockArchive {
    static final String ROCK_MANIFEST = "rock_manifest";

    private RockArchive() {
    }

    /**
     * Unpack {@code bytes} into {@code target} (created) and check them against {@code rock} and {@code version}.
     *
     * @param label names the rock in errors, such as {@code rocks:penlight@1.14.0-3 (penlight-1.14.0-3.src.rock)}
     */
    static void unpack(byte[] bytes, String rock, String version, String label, Path target, RockPlatform platform)
            throws IOException {
        new ArchiveExtractor().unzip(bytes, label, target);
        String specName = rock + "-" + version + ".rockspec";
        Path specFile = target.resolve(specName);
        if (!Files.isRegularFile(specFile)) {
            throw mismatch(label, "it does not hold " + specName);
        }
        Rockspec spec = Rockspec.read(Files.readAllBytes(specFile), specName, platform);
        if (!spec.name().equals(rock) || !spec.version().equals(version)) {
            throw mismatch(label, "its rockspec says " + spec.name() + " " + spec.version() + ", not " + rock + " "
                    + version);
        }
        if (Files.isRegularFile(target.resolve(ROCK_MANIFEST))) {
            checkRockManifest(target, label);
        } else {
            checkSource(target, spec, label);
        }
    }

    /** Check a binary rock's files against its {@code rock_manifest}, both ways. */
    private static void checkRockManifest(Path root, String label) throws IOException {
        JsonNode tree = LuaData.read(Files.readAllBytes(root.resolve(ROCK_MANIFEST)), label + " rock_manifest",
                List.of("rock_manifest"), List.of()).path("rock_manifest");
        if (!tree.isObject()) {
            throw mismatch(label, "its rock_manifest has no rock_manifest table");
        }
        Map<String, String> listed = new TreeMap<>();
        flatten(tree, "", listed);
        Set<String> present = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(ROCK_MANIFEST)).forEach(present::add);
        }
        for (var e : listed.entrySet()) {
            Path file = root.resolve(e.getKey());
            if (!present.contains(e.getKey())) {
                throw mismatch(label, "its rock_manifest lists " + e.getKey() + ", which the archive does not hold");
            }
            String md5 = md5(file);
            if (!md5.equalsIgnoreCase(e.getValue())) {
                throw mismatch(label, e.getKey() + " has MD5 " + md5 + " but its rock_manifest says " + e.getValue());
            }
        }
        for (String file : present) {
            if (!listed.containsKey(file)) {
                throw mismatch(label, "it holds " + file + ", which its rock_manifest does not list");
            }
        }
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> out) {
        for (var e : node.properties()) {
            String path = prefix + e.getKey();
            if (e.getValue().isObject()) {
                flatten(e.getValue(), path + "/", out);
            } else if (e.getValue().isTextual()) {
                out.put(path, e.getValue().asText());
            }
        }
    }

    /** Check that a source rock holds the source file its rockspec names, with the rockspec's MD5 if given. */
    private static void checkSource(Path root, Rockspec spec, String label) throws IOException {
        RockSourceLayout layout = RockSourceLayout.of(spec);
        if (layout.file() == null) {
            return;
        }
        Path file = root.resolve(layout.file()).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            throw mismatch(label, "it does not hold " + layout.file() + ", the source its rockspec names");
        }
        JsonNode md5 = spec.tree().path("source").path("md5");
        if (md5.isTextual() && !md5(file).equalsIgnoreCase(md5.asText())) {
            throw mismatch(label, layout.file() + " has MD5 " + md5(file) + " but its rockspec says " + md5.asText());
        }
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RockException mismatch(String label, String problem) {
        return new RockException(RockException.E_ROCK_ARCHIVE, label + " does not match what it should be: " + problem,
                List.of("the server serves a rock that was changed or packed wrongly; nothing was installed"));
    }
}
