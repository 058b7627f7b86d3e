package dev.hype.pm.lock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hype.pm.manifest.PackageName;
import dev.hype.pm.pack.Integrity;
import dev.hype.pm.pack.PackException;
import dev.hype.pm.resolve.FeatureRequest;
import dev.hype.pm.rocks.RockName;
import dev.hype.pm.rocks.RockVersion;
import dev.hype.pm.semver.Version;
import dev.hype.runtime.JsonTreeReader;
import dev.hype.runtime.TerminalText;
import dev.hype.runtime.permissions.PermissionSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parse and validate {@code hype-lock.json}. */
public final class LockfileReader {
    private static final Set<String> TOP_KEYS = Set.of("lockfileVersion", "root", "packages");
    private static final Set<String> PACKAGE_KEYS = Set.of("version", "resolved", "integrity", "dependencies",
            "permissions", "features");

    private LockfileReader() {
    }

    /** Read and validate a lockfile. */
    public static Lockfile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LockfileException("cannot read " + file + ": " + dev.hype.runtime.ErrorText.of(e), e);
        }
        String origin = file.toString();
        JsonNode tree;
        try {
            // From the bytes: the parser for UTF-8 skips decoding the file to characters first.
            tree = JsonTreeReader.readStrict(bytes);
        } catch (JsonProcessingException e) {
            throw invalidJson(origin, e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);  // bytes in memory are read without I/O
        }
        return parse(tree, origin);
    }

    /** Parse and validate lockfile text; {@code origin} names it in errors. */
    public static Lockfile parse(String text, String origin) {
        JsonNode tree;
        try {
            // Without an ObjectMapper, whose set-up costs more than `hype pkg list`'s whole run otherwise.
            tree = JsonTreeReader.readStrict(text);
        } catch (JsonProcessingException e) {
            throw invalidJson(origin, e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);  // a String is read without I/O
        }
        return parse(tree, origin);
    }

    private static LockfileException invalidJson(String origin, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? origin : origin + ":" + at.getLineNr() + ":" + at.getColumnNr();
        return new LockfileException(where + ": invalid JSON: " + e.getOriginalMessage(), e);
    }

    private static Lockfile parse(JsonNode tree, String origin) {
        if (tree == null || !tree.isObject()) {
            throw invalid(origin, "", "expected a JSON object");
        }
        JsonNode version = tree.get("lockfileVersion");
        if (version == null || !version.canConvertToInt() || version.intValue() != Lockfile.VERSION) {
            throw invalid(origin, "lockfileVersion", "expected " + Lockfile.VERSION + ", found " + version);
        }
        Map<String, String> root = new LinkedHashMap<>();
        Map<String, FeatureRequest> requests = new LinkedHashMap<>();
        JsonNode rootDeps = tree.path("root").path("dependencies");
        for (var e : object(rootDeps, origin, "root.dependencies").properties()) {
            name(e.getKey(), origin, "root.dependencies");
            String at = "root.dependencies." + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                root.put(e.getKey(), text(value.get("version"), origin, at + ".version"));
                requests.put(e.getKey(), FeatureRequest.of(strings(value.get("features"), origin, at + ".features"),
                        flag(value.get("default-features"), origin, at + ".default-features")));
            } else {
                root.put(e.getKey(), text(value, origin, at));
            }
        }
        JsonNode rootFeatures = tree.path("root").get("features");
        List<String> features = rootFeatures == null ? null : strings(rootFeatures, origin, "root.features");
        Map<String, LockedPackage> packages = new LinkedHashMap<>();
        for (var e : object(tree.path("packages"), origin, "packages").properties()) {
            name(e.getKey(), origin, "packages");
            packages.put(e.getKey(), lockedPackage(e.getKey(), e.getValue(), origin));
        }
        return new Lockfile(Lockfile.VERSION, root, packages, extras(tree, TOP_KEYS), requests, features);
    }

    private static LockedPackage lockedPackage(String name, JsonNode node, String origin) {
        String at = "packages." + name;
        object(node, origin, at);
        String versionText = text(node.get("version"), origin, at + ".version");
        Version version = version(name, versionText)
                .orElseThrow(() -> invalid(origin, at + ".version", "\"" + versionText + "\" is not a version"));
        String resolved = text(node.get("resolved"), origin, at + ".resolved");
        String integrity = text(node.get("integrity"), origin, at + ".integrity");
        try {
            Integrity.parse(integrity);
        } catch (PackException e) {
            throw invalid(origin, at + ".integrity", e.getMessage());
        }
        Map<String, Version> deps = new LinkedHashMap<>();
        for (var d : object(node.path("dependencies"), origin, at + ".dependencies").properties()) {
            name(d.getKey(), origin, at + ".dependencies");
            String where = at + ".dependencies." + d.getKey();
            String v = text(d.getValue(), origin, where);
            deps.put(d.getKey(), version(d.getKey(), v)
                    .orElseThrow(() -> invalid(origin, where, "\"" + v + "\" is not a version")));
        }
        JsonNode permissions = node.get("permissions");
        checkApproval(permissions, origin, at);
        Map<String, List<String>> features = new LinkedHashMap<>();
        for (var f : object(node.path("features"), origin, at + ".features").properties()) {
            features.put(f.getKey(), strings(f.getValue(), origin, at + ".features." + f.getKey()));
        }
        return new LockedPackage(name, version, resolved, integrity, deps,
                permissions == null || permissions.isNull() ? null : permissions, extras(node, PACKAGE_KEYS), features);
    }

    private static List<String> strings(JsonNode node, String origin, String at) {
        List<String> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        if (!node.isArray()) {
            throw invalid(origin, at, "expected an array of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            result.add(text(node.get(i), origin, at + "[" + i + "]"));
        }
        return result;
    }

    private static boolean flag(JsonNode node, String origin, String at) {
        if (node == null) {
            return true;
        }
        if (!node.isBoolean()) {
            throw invalid(origin, at, "expected true or false");
        }
        return node.booleanValue();
    }

    /** Read a locked version: semver for packages, LuaRocks' grammar for {@code rocks:NAME}. */
    private static java.util.Optional<Version> version(String name, String text) {
        if (RockName.isRock(name)) {
            RockVersion rock = RockVersion.parse(text);
            return rock.hasRevision() && text.equals(rock.text()) ? java.util.Optional.of(rock.toVersion())
                    : java.util.Optional.empty();
        }
        return Version.tryParse(text, false);
    }

    /** Check that an approval slot has the {@code permissions} schema, so the runtime can read it. */
    private static void checkApproval(JsonNode permissions, String origin, String at) {
        if (permissions == null || permissions.isNull()) {
            return;
        }
        try {
            PermissionSpec.fromJson(permissions);
        } catch (IllegalArgumentException e) {
            // The message names the field from "permissions" on: "permissions.java: expected an array of strings".
            throw new LockfileException(origin + ": " + at + "." + e.getMessage(), null);
        }
    }

    /** Refuse a key that is not a valid package name: it would become a path under hype_modules/. */
    private static void name(String name, String origin, String at) {
        PackageName.problem(name).ifPresent(problem -> {
            throw invalid(origin, at, "invalid package name \"" + TerminalText.escape(name) + "\": " + problem);
        });
    }

    private static JsonNode object(JsonNode node, String origin, String at) {
        if (node.isMissingNode()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw invalid(origin, at, "expected an object");
        }
        return node;
    }

    private static String text(JsonNode node, String origin, String at) {
        if (node == null || !node.isTextual()) {
            throw invalid(origin, at, node == null ? "missing" : "expected a string");
        }
        return node.textValue();
    }

    private static Map<String, JsonNode> extras(JsonNode node, Set<String> known) {
        Map<String, JsonNode> extras = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!known.contains(e.getKey())) {
                extras.put(e.getKey(), e.getValue());
            }
        });
        return extras;
    }

    private static LockfileException invalid(String origin, String at, String problem) {
        return new LockfileException(origin + ": " + (at.isEmpty() ? "" : at + ": ") + problem, null);
    }
}
